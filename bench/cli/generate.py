#!/usr/bin/env python3
"""Writes one revision graph twice: as Retort SQL revisions and as Alembic revisions.

    bench/cli/generate.py OUT_DIR SIZE

OUT_DIR/retort/revisions/*.sql   Retort SQL revision files (retort.properties beside them)
OUT_DIR/alembic/versions/*.py    Alembic revision scripts (alembic.ini, env.py beside them)

The shape is the one of bench's BranchyGraphs (GraphBenchmark): a trunk from which a side branch of
ten revisions forks every ~50 revisions and is merged back by a merge revision; every tenth side
branch carries a branch label and every seventh one's first revision depends on an older revision.
Both tools therefore answer `heads` with the same single head, and `history` with the same graph.
Each revision creates (and its downgrade drops) one small table.
"""
import hashlib
import os
import sys


def rev_id(n):
    return hashlib.sha1(b"retort-bench-%d" % n).hexdigest()[:12]


def generate(size):
    """(id, down revisions, branch labels, depends_on) in creation order."""
    nodes = []
    trunk = rev_id(0)
    nodes.append((trunk, [], [], []))
    branch = 0
    while len(nodes) < size:
        for _ in range(39):
            if len(nodes) >= size:
                break
            nxt = rev_id(len(nodes))
            nodes.append((nxt, [trunk], [], []))
            trunk = nxt
        if len(nodes) + 11 > size:
            continue
        fork = trunk
        side = fork
        for i in range(10):
            nxt = rev_id(len(nodes))
            labels = ["feature%d" % branch] if i == 0 and branch % 10 == 0 else []
            deps = [nodes[len(nodes) - 100][0]] if i == 0 and branch % 7 == 3 and len(nodes) > 100 else []
            nodes.append((nxt, [side], labels, deps))
            side = nxt
        trunk_side = rev_id(len(nodes))
        nodes.append((trunk_side, [fork], [], []))
        merge = rev_id(len(nodes))
        nodes.append((merge, [trunk_side, side], [], []))
        trunk = merge
        branch += 1
    return nodes


def write_retort(out, nodes):
    folder = os.path.join(out, "retort", "revisions")
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(out, "retort", "retort.properties"), "w") as f:
        f.write("# url is given per run (--url or RETORT_URL)\nlocations=filesystem:revisions\n")
    for n, (rid, down, labels, deps) in enumerate(nodes):
        lines = ["-- revision %d" % n, "--", "-- Revision ID: %s" % rid, "-- Revises: %s" % ", ".join(down),
                 "-- Create Date: 2026-12-06 00:00:00"]
        if labels:
            lines.append("-- Branch Labels: %s" % ", ".join(labels))
        if deps:
            lines.append("-- Depends On: %s" % ", ".join(deps))
        lines.append("")
        lines.append("-- +upgrade")
        if len(down) < 2:
            lines.append("CREATE TABLE bench_t%d (id INT);" % n)
        lines.append("")
        lines.append("-- +downgrade")
        if len(down) < 2:
            lines.append("DROP TABLE bench_t%d;" % n)
        with open(os.path.join(folder, "%s_revision_%d.sql" % (rid, n)), "w") as f:
            f.write("\n".join(lines) + "\n")


ALEMBIC_INI = """[alembic]
script_location = %(here)s
sqlalchemy.url = postgresql+psycopg2://postgres@127.0.0.1:5432/bench_cli_alembic

[loggers]
keys = root

[handlers]
keys = console

[formatters]
keys = generic

[logger_root]
level = WARN
handlers = console

[handler_console]
class = StreamHandler
args = (sys.stderr,)
level = NOTSET
formatter = generic

[formatter_generic]
format = %%(levelname)-5.5s [%%(name)s] %%(message)s
"""

ENV_PY = '''from alembic import context
from sqlalchemy import engine_from_config, pool

config = context.config
url = config.get_main_option("sqlalchemy.url")
if context.is_offline_mode():
    context.configure(url=url, literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()
else:
    engine = engine_from_config(config.get_section(config.config_ini_section), prefix="sqlalchemy.",
                                poolclass=pool.NullPool)
    with engine.connect() as connection:
        context.configure(connection=connection)
        with context.begin_transaction():
            context.run_migrations()
'''

SCRIPT_MAKO = '''"""${message}

Revision ID: ${up_revision}
Revises: ${down_revision | comma,n}
"""
from alembic import op

revision = ${repr(up_revision)}
down_revision = ${repr(down_revision)}
branch_labels = ${repr(branch_labels)}
depends_on = ${repr(depends_on)}


def upgrade():
    pass


def downgrade():
    pass
'''


def write_alembic(out, nodes):
    base = os.path.join(out, "alembic")
    folder = os.path.join(base, "versions")
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(base, "alembic.ini"), "w") as f:
        f.write(ALEMBIC_INI)
    with open(os.path.join(base, "env.py"), "w") as f:
        f.write(ENV_PY)
    with open(os.path.join(base, "script.py.mako"), "w") as f:
        f.write(SCRIPT_MAKO)
    for n, (rid, down, labels, deps) in enumerate(nodes):
        down_value = None if not down else (down[0] if len(down) == 1 else tuple(down))
        body = ['"""revision %d' % n, "", "Revision ID: %s" % rid, "Revises: %s" % ", ".join(down),
                "Create Date: 2026-12-06 00:00:00", '"""', "from alembic import op", "",
                "revision = %r" % rid, "down_revision = %r" % (down_value,),
                "branch_labels = %r" % ((tuple(labels) if labels else None),),
                "depends_on = %r" % ((tuple(deps) if deps else None),), "", "",
                "def upgrade():"]
        body.append('    op.execute("CREATE TABLE bench_t%d (id INT)")' % n if len(down) < 2 else "    pass")
        body += ["", "", "def downgrade():"]
        body.append('    op.execute("DROP TABLE bench_t%d")' % n if len(down) < 2 else "    pass")
        with open(os.path.join(folder, "%s_revision_%d.py" % (rid, n)), "w") as f:
            f.write("\n".join(body) + "\n")


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: generate.py OUT_DIR SIZE")
    out, size = sys.argv[1], int(sys.argv[2])
    nodes = generate(size)
    write_retort(out, nodes)
    write_alembic(out, nodes)
    print("%d revisions written to %s/retort and %s/alembic" % (len(nodes), out, out))


if __name__ == "__main__":
    main()
