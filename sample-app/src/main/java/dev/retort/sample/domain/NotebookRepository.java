package dev.retort.sample.domain;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

/** Notebooks through Spring Data JPA. */
public interface NotebookRepository extends JpaRepository<Notebook, Long> {

	/** All notebooks by name. */
	List<Notebook> findAllByOrderByNameAsc();
}
