// The synthetic board of the benchmark: a version-2 snapshot with `n` tasks
// (docs/snapshot-format.md), four per request, spread over the four built-in
// columns and departments, with assignees, due dates, labels and sub-steps.
// Used by bench/bench.mjs (imported into the app) and by
// bench/board-vanilla.html (rendered naively), so both show the same cards.

const hex = (i) => i.toString(16).padStart(12, '0');
const id = (kind, i) => `0190c000-0000-7000-8${kind}00-${hex(i)}`;
const iso = (ms) => new Date(ms).toISOString().replace('.000Z', 'Z');

export function boardSnapshot(n) {
  const t0 = Date.parse('2026-11-02T01:00:00Z');
  const builtins = ['sales', 'service', 'marketing', 'technical'];
  const departments = builtins.map((b, i) => ({ id: id('1', i + 1), name: '', builtin: b }));
  const members = Array.from({ length: 12 }, (_, i) => ({
    id: id('2', i + 1),
    name: `Member ${i + 1}`,
    department: departments[i % 4].id,
    active: true,
  }));
  const urgencies = ['low', 'medium', 'high', 'critical'];
  const requests = [];
  const events = [];
  const nRequests = Math.ceil(n / 4);
  for (let i = 0; i < nRequests; i++) {
    const created = t0 + i * 300_000;
    const rid = id('3', i + 1);
    requests.push({
      id: rid,
      number: i + 1,
      title: `Request ${i + 1}: printer on floor ${i % 9} jams — 打印机卡纸`,
      customer: { name: `Customer ${i % 700} 客户`, contact: `customer${i % 700}@example.com` },
      channel: 'phone',
      category: ['hardware', 'billing', 'complaint', 'promotion'][i % 4],
      urgency: urgencies[i % 4],
      status: 'in_progress',
      owner: members[i % 12].id,
      handler: members[i % 12].id,
      created_at: iso(created),
      first_response_at: iso(created + 600_000),
      updated_at: iso(created + 600_000),
    });
    events.push({
      id: id('4', i + 1),
      at: iso(created),
      actor: members[i % 12].id,
      request: rid,
      change: { type: 'request_created', number: i + 1, title: `Request ${i + 1}` },
    });
  }
  const columns = ['todo', 'doing', 'waiting', 'done'];
  const perColumn = [0, 0, 0, 0];
  const tasks = [];
  const verbs = ['Call the customer back', 'Find the cause of the fault', 'Offer a gesture of goodwill', 'Check the promotion rules'];
  for (let k = 0; k < n; k++) {
    // 40 % to do, 25 % doing, 15 % waiting, 20 % done.
    const m = k % 20;
    const c = m < 8 ? 0 : m < 13 ? 1 : m < 16 ? 2 : 3;
    perColumn[c] += 1;
    const r = Math.floor(k / 4);
    const day = 1 + ((k * 7) % 28);
    const steps = k % 3;
    tasks.push({
      id: id('5', k + 1),
      title: `${verbs[k % 4]} — task ${k + 1} 任务`,
      request: requests[r].id,
      department: departments[k % 4].id,
      assignee: k % 5 === 0 ? null : members[(k * 7) % 12].id,
      due: `2026-12-${String(day).padStart(2, '0')}`,
      column: columns[c],
      position: perColumn[c] * 1_048_576,
      labels: k % 6 === 0 ? ['vip', '现场'] : k % 6 === 3 ? ['printer'] : [],
      checklist: Array.from({ length: steps }, (_, s) => ({ id: id('6', k * 3 + s + 1), text: `Step ${s + 1}`, done: s === 0 })),
      created_at: iso(t0 + k * 60_000),
      updated_at: iso(t0 + k * 60_000),
      column_since: iso(t0 + k * 60_000),
    });
  }
  return {
    format: 'baton.workspace',
    version: 2,
    exported_at: iso(t0 + n * 60_000),
    workspace: {
      id: id('0', n),
      name: `Board ${n}`,
      created_at: iso(t0 - 86_400_000),
      next_number: nRequests + 1,
      departments,
      members,
    },
    requests,
    events,
    tasks,
  };
}
