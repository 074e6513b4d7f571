import { PGlite } from '@electric-sql/pglite';
let t=performance.now();
const db = await PGlite.create();
console.log('cold', performance.now()-t);
try { await db.exec("create table t (a int default 'x');") } catch(e) { console.log(Object.keys(e), e.message, e.position, e.code, e.detail, e.hint) }
t=performance.now();
const blob = await db.dumpDataDir('gzip');
console.log('dump', performance.now()-t, blob.size);
t=performance.now();
const db2 = await PGlite.create({loadDataDir: blob});
console.log('warm', performance.now()-t);
const r = await db2.query("select 1 as x");
console.log(r.rows);
