package org.springframework.boot.testcontainers.service.connection;

import java.util.List;
import java.util.function.Supplier;

import org.testcontainers.containers.Container;

import org.springframework.boot.origin.Origin;
import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.annotation.MergedAnnotations;

/**
 * Test helper in Boot's package: builds the {@link ContainerConnectionSource} that a
 * {@code @ServiceConnection} bean yields (its constructor is package-private), so connection details
 * factories can be exercised without Docker.
 */
public final class TestContainerConnectionSources {

	private TestContainerConnectionSources() {
	}

	/** The source Boot builds for a {@code @ServiceConnection} bean of {@code type} with image {@code image}. */
	public static <C extends Container<?>> ContainerConnectionSource<C> serviceConnection(Class<C> type, String image,
			Supplier<C> container) {
		Origin origin = new Origin() {
			@Override
			public String toString() {
				return "test @ServiceConnection bean";
			}
		};
		return new ContainerConnectionSource<>("test", origin, type, image,
				MergedAnnotation.of(ServiceConnection.class), container, null, MergedAnnotations.of(List.of()));
	}

}
