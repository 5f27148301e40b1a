#!/usr/bin/env bash
# PouchDB Server 4.2 beside `ducha-bench ingest`, in one sitting, with the same load: D documents
# of about 1 KB in batches of B, pushed by P concurrent clients with keep-alive connections
# (Ducha: P devices, D/P reports each). PouchDB Server is installed from the npm registry into a
# temporary directory (nothing global; removed at the end, also on Ctrl-C), runs on 127.0.0.1 on
# a port of its own and stores on disk through LevelDB (its default adapter), one empty database
# per run. Prints every run, both medians, and as the last line the ratio Ducha / PouchDB.
#   bash deploy/bench-pouchdb.sh BUILD_DIR [--docs 20000] [--batch 100] [--runs 3] [--pushers 50]
#                                [--pouch-adapter leveldb|leveldb-fsync|memory]
# --pouch-adapter: leveldb (the default, as PouchDB Server ships: LevelDB writes without fsync),
# leveldb-fsync (the same with every LevelDB write synced, as Ducha's commits are), memory.
set -euo pipefail

usage() {
  echo "usage: $0 BUILD_DIR [--docs N] [--batch B] [--runs R] [--pushers P]" \
       "[--pouch-adapter leveldb|leveldb-fsync|memory]" >&2
  exit 2
}
[ $# -ge 1 ] || usage
case $1 in -*) usage ;; esac
build=$1
shift
docs=20000 batch=100 runs=3 pushers=50 adapter=leveldb
while [ $# -gt 0 ]; do
  [ $# -ge 2 ] || usage
  case $1 in
    --docs) docs=$2 ;;
    --batch) batch=$2 ;;
    --runs) runs=$2 ;;
    --pushers) pushers=$2 ;;
    --pouch-adapter) adapter=$2 ;;
    *) usage ;;
  esac
  shift 2
done
for n in "$docs" "$batch" "$runs" "$pushers"; do
  [[ $n =~ ^[1-9][0-9]*$ ]] || usage
done
case $adapter in leveldb | leveldb-fsync | memory) ;; *) usage ;; esac
if [ $((docs % pushers)) -ne 0 ]; then
  echo "bench-pouchdb: --docs must be a multiple of --pushers (Ducha: --devices P --reports D/P)" >&2
  exit 2
fi
bench="$build/server/ducha-bench"
[ -x "$bench" ] || { echo "bench-pouchdb: no $bench (build first)" >&2; exit 1; }
for tool in node npm; do
  command -v "$tool" >/dev/null || {
    echo "bench-pouchdb: needs $tool (Debian: sudo apt-get install nodejs npm)" >&2
    exit 2
  }
done

tmp=$(mktemp -d /tmp/ducha-bench-pouchdb-XXXXXX)
server_pid=
cleanup() {
  if [ -n "$server_pid" ]; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

echo "== installing pouchdb-server@4.2 (npm, into $tmp)" >&2
npm install --prefix "$tmp" --prefer-offline --no-save --no-audit --no-fund --loglevel=error pouchdb-server@4.2 >&2
version=$(node -p "require('$tmp/node_modules/pouchdb-server/package.json').version")

# A LevelDOWN whose every write is synced (LevelDB's WriteOptions.sync), given to PouchDB Server
# as its --level-backend; PouchDB's LevelDB adapter itself never asks for sync.
cat >"$tmp/syncdown.js" <<'EOF'
'use strict';
const leveldown = require('leveldown');
module.exports = function syncdown(location) {
  const db = leveldown(location);
  for (const op of ['_put', '_del', '_batch']) {
    const inner = db[op];
    db[op] = function (...args) {
      const cb = args.pop();
      const opts = Object.assign({}, args.pop(), { sync: true });
      return inner.call(this, ...args, opts, cb);
    };
  }
  return db;
};
EOF

# The client: D documents of about 1 KB (an inspection report's shape: 21 answers, GPS, notes
# padded so that each serializes to 1,024 bytes), built before the clock; P pushers each keep one
# keep-alive connection and one POST /db/_bulk_docs in flight, taking the next batch from a
# shared queue. The clock runs from the first request to the last response. Every document must
# come back "ok" and the database must then hold D documents, or the client exits non-zero.
cat >"$tmp/push.js" <<'EOF'
'use strict';
const http = require('http');
const crypto = require('crypto');
const [port, dbName, docs, batchSize, pushers] = process.argv.slice(2).map((v, i) => (i === 1 ? v : Number(v)));
const agent = new http.Agent({ keepAlive: true, maxSockets: pushers });

function request(method, path, body) {
  return new Promise((resolve, reject) => {
    const data = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const req = http.request({ host: '127.0.0.1', port, method, path, agent,
      headers: data ? { 'Content-Type': 'application/json', 'Content-Length': data.length } : {} }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString();
        if (res.statusCode >= 300) reject(new Error(`${method} ${path}: HTTP ${res.statusCode} ${text.slice(0, 200)}`));
        else resolve(JSON.parse(text));
      });
    });
    req.on('error', reject);
    if (data) req.write(data);
    req.end();
  });
}

function makeDoc(i) {
  const doc = {
    _id: crypto.randomUUID(), type: 'report', task_id: crypto.randomUUID(),
    device_id: `device-${i % pushers}`, client_seq: i, recorded_at: new Date().toISOString(),
    gps: { lat: 50.4501 + (i % 1000) * 1e-5, lon: 30.5234 + (i % 997) * 1e-5, accuracy_m: 8.5 },
    answers: Array.from({ length: 21 }, (_, q) => ({ q: `q${q + 1}`, v: q % 3 === 0 ? 'yes' : q % 3 === 1 ? 2 : 'ok' })),
    notes: '',
  };
  const pad = 1024 - Buffer.byteLength(JSON.stringify(doc));
  doc.notes = 'n'.repeat(Math.max(0, pad));
  return doc;
}

(async () => {
  const batches = [];
  for (let i = 0; i < docs; i += batchSize) {
    batches.push(Array.from({ length: Math.min(batchSize, docs - i) }, (_, k) => makeDoc(i + k)));
  }
  const bytes = Buffer.byteLength(JSON.stringify(batches[0][0]));
  await request('PUT', `/${dbName}`);
  let next = 0, failed = 0;
  const latencies = [];
  const started = process.hrtime.bigint();
  await Promise.all(Array.from({ length: pushers }, async () => {
    while (next < batches.length) {
      const batch = batches[next++];
      const t0 = process.hrtime.bigint();
      const res = await request('POST', `/${dbName}/_bulk_docs`, { docs: batch });
      latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
      failed += res.filter((r) => !r.ok).length;
    }
  }));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const info = await request('GET', `/${dbName}`);
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const pct = (p) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))].toFixed(1);
  if (failed || info.doc_count !== docs) {
    console.error(`push: ${failed} documents refused, ${info.doc_count} of ${docs} stored`);
    process.exit(1);
  }
  console.log(`pouchdb: ${Math.round(docs / seconds)} docs/s, p50 ${pct(0.5)} ms, p99 ${pct(0.99)} ms` +
              ` (${docs} docs of ${bytes} bytes in ${seconds.toFixed(2)} s)`);
})().catch((e) => { console.error(`push: ${e.message}`); process.exit(1); });
EOF

port=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
mkdir "$tmp/data"
server_args=(--host 127.0.0.1 --port "$port" --dir "$tmp/data" --config "$tmp/data/config.json" --no-stdout-logs)
case $adapter in
  memory) server_args+=(--in-memory) ;;
  leveldb-fsync) server_args+=(--level-backend "$tmp/syncdown.js") ;;
esac
# cwd is the data directory: PouchDB Server writes its log there, and a --level-backend's
# databases are named relative to it.
(cd "$tmp/data" && exec node "$tmp/node_modules/pouchdb-server/bin/pouchdb-server" "${server_args[@]}") \
  >"$tmp/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 100); do
  curl -fs "http://127.0.0.1:$port/" >/dev/null 2>&1 && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$tmp/server.log" >&2; echo "bench-pouchdb: server exited" >&2; exit 1; }
  sleep 0.2
done
curl -fs "http://127.0.0.1:$port/" >/dev/null || { echo "bench-pouchdb: server did not answer" >&2; exit 1; }
echo "== PouchDB Server $version ($adapter) on 127.0.0.1:$port, node $(node --version):" \
     "$docs docs, batch $batch, $pushers pushers, $runs runs" >&2

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : int((v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
# The server's CPU time (utime + stime, in clock ticks) from /proc: CPU per document is less
# sensitive than throughput to what else runs on the machine.
server_ticks() { awk '{ print $14 + $15 }' "/proc/$server_pid/stat"; }
hz=$(getconf CLK_TCK)
pouch_rates=()
for r in $(seq 1 "$runs"); do
  t0=$(server_ticks)
  line=$(node "$tmp/push.js" "$port" "bench$r" "$docs" "$batch" "$pushers")
  t1=$(server_ticks)
  line+=$(awk -v t=$((t1 - t0)) -v hz="$hz" -v n="$docs" \
    'BEGIN { printf "; server cpu %.2f s, %d us/doc", t / hz, t / hz / n * 1e6 }')
  echo "  run $r: $line" >&2
  pouch_rates+=("$(sed -E 's/^pouchdb: ([0-9]+) docs.*/\1/' <<<"$line")")
done
pouch=$(printf '%s\n' "${pouch_rates[@]}" | median)
kill "$server_pid" 2>/dev/null || true
wait "$server_pid" 2>/dev/null || true
server_pid=

echo "== ducha-bench ingest --devices $pushers --reports $((docs / pushers)) --batch $batch --runs $runs" >&2
out=$("$bench" ingest --devices "$pushers" --reports $((docs / pushers)) --batch "$batch" --runs "$runs" \
      2>"$tmp/ducha-bench.err") || { cat "$tmp/ducha-bench.err" >&2; echo "bench-pouchdb: ducha-bench failed" >&2; exit 1; }
printf '%s\n' "$out" >&2
ducha=$(printf '%s\n' "$out" | tail -n 1 | sed -E 's/^ingest: ([0-9]+) reports.*/\1/')
[[ $ducha =~ ^[0-9]+$ ]] || { echo "bench-pouchdb: ducha-bench gave no figure" >&2; exit 1; }

echo "PouchDB Server $version ($adapter): $pouch docs/s (median of $runs; runs: ${pouch_rates[*]})"
echo "Ducha: $ducha reports/s (median of $runs)"
awk -v d="$ducha" -v p="$pouch" 'BEGIN { printf "ratio Ducha / PouchDB: %.2f\n", d / p }'
