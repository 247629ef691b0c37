import { launchWithExtension } from '../tests/e2e/support/browser';

async function main() {
  const browser = await launchWithExtension({});
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
  const result = await page.evaluate(`(async () => {
    const N = 110_000, B = 500;
    const open = (name) => new Promise((resolve, reject) => {
      const r = indexedDB.open(name, 1);
      r.onupgradeneeded = () => {
        const s = r.result.createObjectStore('notes', { keyPath: 'id' });
        s.createIndex('by-account', 'accountKey'); s.createIndex('by-ac', ['accountKey', 'createdAt']); s.createIndex('by-up', 'updatedAt');
        r.result.createObjectStore('revs');
      };
      r.onsuccess = () => resolve(r.result); r.onerror = () => reject(r.error);
    });
    const row = (i) => ({ id: crypto.randomUUID(), accountKey: \`acct-\${i % 10000}.example\`, kind: 'note', body: 'Lorem ipsum dolor sit amet, '.repeat(10) + i, createdAt: 1e12 + i, updatedAt: 1e12 + i, revision: 1 });
    const done = (tx) => new Promise((res, rej) => { tx.oncomplete = () => res(); tx.onerror = () => rej(tx.error); });
    const out = {};
    // 1. put only
    let db = await open('floor-1'); let t = performance.now();
    for (let i = 0; i < N; i += B) { const tx = db.transaction(['notes'], 'readwrite'); const s = tx.objectStore('notes'); for (let j = i; j < i + B; j++) s.put(row(j)); await done(tx); }
    out.putOnly = performance.now() - t;
    // 2. get + put + rev get + rev put (apply-like)
    db = await open('floor-2'); t = performance.now();
    for (let i = 0; i < N; i += B) { const tx = db.transaction(['notes', 'revs'], 'readwrite'); const s = tx.objectStore('notes'); const r = tx.objectStore('revs');
      await Promise.all(Array.from({ length: B }, (_, k) => new Promise((res) => { const x = row(i + k); const g = s.get(x.id); g.onsuccess = () => { const g2 = r.get('notes:' + x.id); g2.onsuccess = () => { s.put(x); r.put('1-abc', 'notes:' + x.id); res(); }; }; })));
      await done(tx); }
    out.applyLike = performance.now() - t;
    // 3. cursor read all
    t = performance.now();
    await new Promise((res) => { const tx = db.transaction(['notes']); let n = 0; const c = tx.objectStore('notes').openCursor(); c.onsuccess = () => { const cur = c.result; if (cur) { n++; cur.continue(); } else res(); }; });
    out.cursorAll = performance.now() - t;
    t = performance.now();
    const tx = db.transaction(['notes']); const all = await new Promise((res) => { const g = tx.objectStore('notes').getAll(); g.onsuccess = () => res(g.result); });
    out.getAllAll = performance.now() - t; out.n = all.length;
    return out;
})()`);
  console.log(result);
  await browser.close();
}
void main();
