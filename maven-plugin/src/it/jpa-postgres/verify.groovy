// The first build wrote one PostgreSQL SQL revision with both sections; the second found no differences.
def revisions = new File(basedir, 'src/main/resources/db/revisions').listFiles().findAll { it.name.endsWith('.sql') }
assert revisions.size() == 1 : "one revision written, found ${revisions}"
def text = revisions[0].text
assert revisions[0].name.endsWith('_create_customers.sql')
assert text.contains('-- +upgrade') && text.contains('-- +downgrade')
assert text.contains('CREATE TABLE "customer"') && text.contains('"full_name"') && text.contains('character varying(80)') : text
def log = new File(basedir, 'build.log').text
assert log.contains('No differences: the revisions give the JPA model.')
return true
