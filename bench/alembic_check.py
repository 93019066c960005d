"""`alembic check` for Alembic 1.8 (Debian's python3-alembic), which predates the command (1.9).

Does what the command does, through Alembic's own autogenerate API: runs env.py with the autogenerate
comparison of the models against the database (which must be at head, as for the command), and exits 1
listing the differences when there are any. Usage: python3 alembic_check.py [alembic.ini]
"""
import sys

from alembic import autogenerate
from alembic.config import Config
from alembic.runtime.environment import EnvironmentContext
from alembic.script import ScriptDirectory


def main():
    config = Config(sys.argv[1] if len(sys.argv) > 1 else "alembic.ini")
    script = ScriptDirectory.from_config(config)
    revision_context = autogenerate.RevisionContext(
        config, script,
        dict(message=None, autogenerate=True, sql=False, head="head", splice=False, branch_label=None,
             version_path=None, rev_id=None, depends_on=None))

    def compare(revision, context):
        revision_context.run_autogenerate(revision, context)
        return []

    with EnvironmentContext(config, script, fn=compare, as_sql=False,
                            template_args=revision_context.template_args,
                            revision_context=revision_context):
        script.run_env()
    diffs = revision_context.generated_revisions[-1].upgrade_ops.as_diffs()
    if diffs:
        print("New upgrade operations detected: %s" % (diffs,))
        sys.exit(1)
    print("No new upgrade operations detected.")


if __name__ == "__main__":
    main()
