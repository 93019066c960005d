package dev.retort.autoconfigure.slices;

import dev.retort.Migration;
import dev.retort.Operations;
import dev.retort.Revision;

import org.springframework.stereotype.Component;

/** A Java revision that is a {@code @Component}, on top of the SQL revisions in db/revisions. */
@Component
@Revision(id = "5117ce000001", revises = "b2c3d4e5f6a7", message = "add a second thing")
public class AddSecondThing implements Migration {

	@Override
	public void upgrade(Operations op) {
		op.execute("INSERT INTO things (id, name) VALUES (2, 'second thing')");
	}

	@Override
	public void downgrade(Operations op) {
		op.execute("DELETE FROM things WHERE id = 2");
	}

}
