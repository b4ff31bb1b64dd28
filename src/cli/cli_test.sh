#!/usr/bin/env bash
# End-to-end tests of the dateline program: exit codes, stdin, batches with bad
# documents, idempotent ingest, queries in every format, and eval requirements.
# Usage: cli_test.sh DATELINE_BINARY SOURCE_DIR
set -u
bin=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=0

check() {  # check NAME CONDITION-COMMAND...
  local name=$1
  shift
  if "$@"; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "FAIL: $name"
  fi
}

page="$src/testdata/pages/kirkuk_attack.txt"

# --help and usage errors
"$bin" --help >"$tmp/help" 2>&1
check "help exits 0" test $? -eq 0
check "help names the commands" grep -q "dateline ingest PATH" "$tmp/help"
"$bin" frobnicate >/dev/null 2>"$tmp/err"
check "unknown command exits 2" test $? -eq 2
check "unknown command is named" grep -q 'unknown command "frobnicate"' "$tmp/err"
"$bin" code --bogus "$page" >/dev/null 2>&1
check "unknown option exits 2" test $? -eq 2

# code: a file, then stdin; one JSON object per line
"$bin" code --quiet "$page" >"$tmp/out.jsonl"
check "code exits 0" test $? -eq 0
check "code prints one line" test "$(wc -l <"$tmp/out.jsonl")" -eq 1
check "record has events" grep -q '"plover":"FIGHT"' "$tmp/out.jsonl"
check "record has the evidence" grep -q 'Suspected ISIS militants attacked a police checkpoint' "$tmp/out.jsonl"
"$bin" code --quiet - <"$page" >"$tmp/stdin.jsonl"
check "stdin gives the same events" test "$(grep -o '"plover":"[A-Z]*"' "$tmp/stdin.jsonl" | sort)" = "$(grep -o '"plover":"[A-Z]*"' "$tmp/out.jsonl" | sort)"

# explain quotes the dictionary lines behind each event
"$bin" explain --quiet "$page" >"$tmp/explain.txt"
check "explain exits 0" test $? -eq 0
check "explain quotes the verb entry" grep -q "> attack | 190 |" "$tmp/explain.txt"
check "explain names actor rules with lines" grep -q "actors/agents.txt:[0-9]* police" "$tmp/explain.txt"
check "explain cites the ACLED decision-table row" grep -q "events/acled_rules.txt:[0-9]* [A-Z_]* (" "$tmp/explain.txt"
check "explain quotes the decision-table row" grep -q "> rule | [A-Z_=]* | event=" "$tmp/explain.txt"

# the user's own dictionaries in TABARI/PETRARCH format
echo "Ruritanian Authorities scolded Iraq for the delay." |
  "$bin" code --quiet - --verbs "$src/testdata/dict/tabari/sample.verbs" \
    --actors "$src/testdata/dict/tabari/sample.actors" >"$tmp/tabari.jsonl"
check "tabari dictionaries code an event" grep -q '"cameo":"111"' "$tmp/tabari.jsonl"
check "tabari rules cite the file" grep -q 'sample.verbs:4' "$tmp/tabari.jsonl"
echo "x | y" >"$tmp/bad.verbs"
echo "text" | "$bin" code --quiet - --verbs "$tmp/bad.verbs" >/dev/null 2>"$tmp/bad.err"
check "a bad dictionary stops start-up with exit 2" test $? -eq 2
check "a bad dictionary line is named" grep -q "bad.verbs:1" "$tmp/bad.err"

# --dictionaries-only: a directory of TABARI/PETRARCH dictionaries and nothing else
mkdir -p "$tmp/dict"
printf 'ARNOR [ARN]\nGONDOR [GON]\n' >"$tmp/dict/Tiny.actors.txt"
printf -- '--- MEET [031] ---\nMEET\n' >"$tmp/dict/Tiny.verbs.txt"
echo "not a dictionary" >"$tmp/dict/Tiny.notes.txt"
mkdir -p "$tmp/only"
echo "Arnor will meet Gondor." >"$tmp/only/a.txt"
echo "Police arrested two men in Basra." >"$tmp/only/b.txt"  # coded by Dateline's own (173)
"$bin" code --quiet --input-kind text --dictionaries-only --dictionaries "$tmp/dict" "$tmp/only" \
  >"$tmp/only.out" 2>"$tmp/only.err"
check "--dictionaries-only exits 0" test $? -eq 0
check "--dictionaries-only codes from the given dictionaries" grep -q '"cameo":"031"' "$tmp/only.out"
check "--dictionaries-only codes with nothing else" test "$(grep -c '"cameo"' "$tmp/only.out")" -eq 1
echo "Iraqi forces attacked the village on Monday. Iraqi forces attacked Syria on Monday." >"$tmp/dyad.txt"
"$bin" code --quiet --input-kind text "$tmp/dyad.txt" >"$tmp/all.out"
"$bin" code --quiet --input-kind text --require-dyad "$tmp/dyad.txt" >"$tmp/dyad.out"
check "without --require-dyad an event without target is kept" test "$(grep -o '"cameo"' "$tmp/all.out" | wc -l)" -eq 2
check "--require-dyad keeps only events with source and target codes" \
  test "$(grep -o '"cameo"' "$tmp/dyad.out" | wc -l)" -eq 1
check "--dictionaries names the files it skips" grep -q "Tiny.notes.txt.*skipped" "$tmp/only.err"
"$bin" code --quiet --dictionaries "$tmp/no-such-dir" "$tmp/only" >/dev/null 2>"$tmp/nodir.err"
check "a missing --dictionaries directory exits 2" test $? -eq 2
check "a missing --dictionaries directory is named" grep -q "no-such-dir: dictionary directory not found" "$tmp/nodir.err"
echo "# a Dateline-format verbs file" >"$tmp/own-verbs.txt"
"$bin" code --quiet --dictionaries "$tmp/dict" --verbs "$tmp/own-verbs.txt" "$tmp/only" >/dev/null 2>"$tmp/mixed.err"
check "Dateline-format --verbs with --dictionaries is refused" test $? -eq 2
check "the refused verbs file is named" grep -q "own-verbs.txt: a verbs file in Dateline's format" "$tmp/mixed.err"

# a validation suite in PETRARCH2's layout, coded with its own dictionaries only
cat >"$tmp/dict/suite.xml" <<'XML'
<Validation>
<Environment><Verbfile>Tiny.verbs.txt</Verbfile><Actorfile>Tiny.actors.txt</Actorfile></Environment>
<Sentences>
<Sentence date="20200101" id="T-01" category="T">
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="031"></EventCoding>
<Text>Arnor will meet Gondor.</Text>
</Sentence>
<Sentence date="20200101" id="T-02" category="T">
<EventCoding noevents="True"></EventCoding>
<Text>Police arrested two men in Basra.</Text>
</Sentence>
</Sentences>
</Validation>
XML
"$bin" eval "$tmp/dict/suite.xml" --format json >"$tmp/suite.json" 2>"$tmp/suite.err"
check "a validation suite is scored" grep -q '"validation_exact"' "$tmp/suite.json"
check "a validation suite counts its records" grep -q '"scored": 2' "$tmp/suite.json"
sed 's/Tiny.verbs.txt/Missing.verbs.txt/' "$tmp/dict/suite.xml" >"$tmp/missing-suite.xml"
"$bin" eval "$tmp/missing-suite.xml" >/dev/null 2>"$tmp/missing-suite.err"
check "a suite's missing dictionary exits 2" test $? -eq 2
check "a suite's missing dictionary is named" grep -q '"Missing.verbs.txt" not found' "$tmp/missing-suite.err"

# a batch with bad documents: the good ones still come out, the exit code says 1
printf '{"id":"ok1","text":"Police arrested two men in Basra."}\n{broken json\n{"id":"ok2","html":"<p>Rebels attacked a convoy near Goma.</p>"}\n' >"$tmp/batch.jsonl"
printf 'PK\003\004\000\000binary' >"$tmp/junk.txt"
"$bin" code --quiet "$tmp/batch.jsonl" "$tmp/junk.txt" "$tmp/missing.txt" >"$tmp/batch.out" 2>"$tmp/batch.err"
check "bad documents exit 1" test $? -eq 1
check "good documents survive" test "$(wc -l <"$tmp/batch.out")" -eq 2
check "malformed line is named" grep -q "batch.jsonl:2" "$tmp/batch.err"
check "binary input is named" grep -q "junk.txt: binary data" "$tmp/batch.err"
check "missing input is named" grep -q "missing.txt: no such file" "$tmp/batch.err"

# ingest twice: the second run adds nothing
"$bin" ingest --db "$tmp/d.db" "$page" "$tmp/batch.jsonl" 2>"$tmp/ingest1.err"
check "first ingest reports inserts" grep -q "3 inserted" "$tmp/ingest1.err"
"$bin" ingest --db "$tmp/d.db" "$page" "$tmp/batch.jsonl" 2>"$tmp/ingest2.err"
check "second ingest inserts nothing" grep -q "0 inserted, 0 replaced, 3 unchanged" "$tmp/ingest2.err"

# a killed ingest resumes without duplicates or losses: whatever the kill interrupted,
# a second run brings the database to the same content as one clean run, publication
# context included (the reports come from one site, whose home region the resumed run
# learns back from the store)
towns=(Dallas Austin Houston Waco Tyler Arlington Paris Lubbock)
for i in $(seq 1 6000); do
  printf '{"id":"n%d","url":"https://www.paper.example/n%d","text":"Police arrested %d protesters in %s on Monday. Gunmen attacked a convoy nearby."}\n' \
    "$i" "$i" "$i" "${towns[$((i % 8))]}"
done >"$tmp/many.jsonl"
# Killed as soon as its first batch is committed, whatever the machine's speed.
"$bin" ingest --quiet --db "$tmp/killed.db" "$tmp/many.jsonl" >/dev/null 2>&1 &
ingest_pid=$!
for _ in $(seq 1 1000); do
  [ "$(sqlite3 "$tmp/killed.db" 'select count(*) from articles' 2>/dev/null || echo 0)" -gt 0 ] && break
  sleep 0.01
done
kill -KILL "$ingest_pid" 2>/dev/null
wait "$ingest_pid" 2>/dev/null
killed_before=$(sqlite3 "$tmp/killed.db" 'select count(*) from articles' 2>/dev/null || echo 0)
"$bin" ingest --quiet --db "$tmp/killed.db" "$tmp/many.jsonl" 2>/dev/null
"$bin" ingest --quiet --jobs 1 --db "$tmp/clean.db" "$tmp/many.jsonl" 2>/dev/null
content() {
  sqlite3 "$1" "select id, url, content_hash from articles order by id;
    select article_id, idx, name, country, admin1 from places order by article_id, idx;
    select article_id, idx, cameo, source_code, target_code, place_name from events order by article_id, idx;
    select e.article_id, e.idx, g.reports, g.articles, g.sources,
           (select min(f.article_id || ':' || f.idx) from events f where f.group_id = e.group_id)
      from events e join event_groups g on g.id = e.group_id order by 1, 2;
    select count(*) from event_groups;" | md5sum
}
check "the kill left a partial database ($killed_before of 6000)" test "$killed_before" -gt 0 -a "$killed_before" -lt 6000
check "resumed ingest equals a clean one" test "$(content "$tmp/killed.db")" = "$(content "$tmp/clean.db")"
check "all documents stored" test "$(sqlite3 "$tmp/clean.db" 'select count(*) from articles')" -eq 6000
check "the site's home region reached its later reports" \
  test "$(sqlite3 "$tmp/clean.db" "select admin1 from places where article_id = 'n1493'")" = "Texas"

# another writer holding the database's lock: the batch is tried again after a pause
# and gets in once the lock is gone; a lock held past every try stops the run (exit 3)
# with nothing lost (the documents are stored by the next run)
# hold_lock PATTERN FILE: another writer holds locked.db's lock, in the background,
# until FILE holds PATTERN (whatever the machine's speed; at most 5 minutes)
hold_lock() {
  : >"$2"
  printf 'for i in $(seq 1500); do if grep -q "%s" "%s"; then break; fi; sleep 0.2; done\n' "$1" "$2" >"$tmp/wait.sh"
  (printf 'BEGIN IMMEDIATE;\n.shell sh %s\nCOMMIT;\n' "$tmp/wait.sh" | sqlite3 "$tmp/locked.db") &
  sleep 0.5
}
"$bin" ingest --quiet "$page" --db "$tmp/locked.db"
printf '{"id": "l1", "text": "Rebels shelled the town of Idlib on Monday."}\n' >"$tmp/lock1.jsonl"
printf '{"id": "l2", "text": "Police arrested ten protesters in Lagos on Monday."}\n' >"$tmp/lock2.jsonl"
hold_lock "locked by another writer" "$tmp/lock1.err"
"$bin" ingest "$tmp/lock1.jsonl" --db "$tmp/locked.db" --lock-wait 1 2>"$tmp/lock1.err"
check "ingest waits out another writer's lock" test $? -eq 0
check "the wait is reported" grep -q "locked by another writer; trying 1 article(s) again" "$tmp/lock1.err"
wait
hold_lock "stopped: the store failed" "$tmp/lock2.err"
"$bin" ingest "$tmp/lock2.jsonl" --db "$tmp/locked.db" --lock-wait 0 2>"$tmp/lock2.err"
check "a lock held past every try stops ingest with exit 3" test $? -eq 3
check "the stop names the lock" grep -q "stopped: the store failed (busy).*database is locked" "$tmp/lock2.err"
wait
"$bin" ingest --quiet "$tmp/lock1.jsonl" "$tmp/lock2.jsonl" --db "$tmp/locked.db"
check "the next run stores what the lock kept out" \
  test "$(sqlite3 "$tmp/locked.db" "select count(*) from articles where id in ('l1', 'l2')")" -eq 2
"$bin" ingest "$page" --db "$tmp/locked.db" --lock-wait soon >/dev/null 2>&1
check "a bad --lock-wait exits 2" test $? -eq 2

# --jobs: the same output, in input order, whatever the number of threads
head -1500 "$tmp/many.jsonl" >"$tmp/some.jsonl"
"$bin" code --quiet --jobs 1 "$tmp/some.jsonl" >"$tmp/jobs1.jsonl"
"$bin" code --quiet --jobs 3 "$tmp/some.jsonl" >"$tmp/jobs3.jsonl"
check "--jobs 3 prints what --jobs 1 prints" cmp -s "$tmp/jobs1.jsonl" "$tmp/jobs3.jsonl"
check "--jobs 3 prints every record" test "$(wc -l <"$tmp/jobs3.jsonl")" -eq 1500
"$bin" code --jobs 0 "$page" >/dev/null 2>"$tmp/jobs0.err"
check "--jobs 0 exits 2" test $? -eq 2
check "--jobs 0 is named" grep -q -- "--jobs needs" "$tmp/jobs0.err"

# query in every format, with filters
"$bin" query --db "$tmp/d.db" >"$tmp/q.txt"
check "query exits 0" test $? -eq 0
check "table has a header" grep -q "^DATE" "$tmp/q.txt"
"$bin" query --db "$tmp/d.db" --country IRQ --type fight --format json >"$tmp/q.json"
check "json query filters by type" grep -q '"plover": "FIGHT"' "$tmp/q.json"
check "json query has no other types" test "$(grep -c '"plover": "COERCE"' "$tmp/q.json")" -eq 0
"$bin" query --db "$tmp/d.db" --format csv >"$tmp/q.csv"
check "csv has a header" grep -q "^article_id,url,published" "$tmp/q.csv"
"$bin" query --db "$tmp/missing.db" >/dev/null 2>&1
check "missing database exits 2" test $? -eq 2
"$bin" query --db "$tmp/d.db" --since notadate >/dev/null 2>&1
check "bad date exits 2" test $? -eq 2

# export: the GDELT table has 61 tab-separated fields a line; ACLED has its header
"$bin" export --db "$tmp/d.db" --format gdelt >"$tmp/gdelt.tsv"
check "gdelt export exits 0" test $? -eq 0
check "gdelt export has rows" test "$(wc -l <"$tmp/gdelt.tsv")" -gt 0
check "gdelt export has 61 fields a line" test "$(awk -F'\t' 'NF != 61' "$tmp/gdelt.tsv" | wc -l)" -eq 0
"$bin" export --db "$tmp/d.db" --format acled >"$tmp/acled.csv"
check "acled export has ACLED's header" grep -q "^event_id_cnty,event_date,year,time_precision," "$tmp/acled.csv"
"$bin" export --db "$tmp/d.db" --format xml >/dev/null 2>"$tmp/export.err"
check "a bad export --format exits 2" test $? -eq 2
check "a bad export --format is named" grep -q -- "--format must be gdelt" "$tmp/export.err"

# events across reports: the report count in every query format; gdelt counts them
check "the table shows the report count" grep -q "REPORTS" "$tmp/q.txt"
check "json rows carry their group" grep -q '"reports": [0-9]' "$tmp/q.json"
check "gdelt NumMentions is the group's report count" \
  test "$(awk -F'\t' '$32 < 1 || $33 < 1 || $34 < 1' "$tmp/gdelt.tsv" | wc -l)" -eq 0
"$bin" ingest --quiet --db "$tmp/d.db" --group-km far "$page" >/dev/null 2>"$tmp/km.err"
check "a bad --group-km exits 2" test $? -eq 2
check "a bad --group-km is named" grep -q -- "--group-km needs" "$tmp/km.err"
"$bin" migrate --db "$tmp/d.db" 2>/dev/null
check "migrate on a current store exits 0" test $? -eq 0

# query on a store another user may only read, in a folder they cannot write (where a
# WAL database cannot get its -shm file): read as it is on disk. Needs root to switch
# users; skipped otherwise.
if [ "$(id -u)" -eq 0 ] && command -v setpriv >/dev/null; then
  mkdir -p "$tmp/ro" && cp "$tmp/d.db" "$tmp/ro/d.db" && chmod 444 "$tmp/ro/d.db" && chmod 555 "$tmp/ro"
  chmod 755 "$tmp"
  setpriv --reuid=65534 --regid=65534 --clear-groups "$bin" query --db "$tmp/ro/d.db" >"$tmp/ro.txt" 2>"$tmp/ro.err"
  check "query reads a store it may not write" test $? -eq 0
  check "query on a read-only store prints the events" grep -q "event(s)" "$tmp/ro.txt"
  chmod 755 "$tmp/ro"
fi

# a store that fails mid-run (a full disk: a 1 MiB tmpfs) stops the ingest with one
# message and exit 3, keeping what was committed. Needs root to mount; skipped otherwise.
mkdir -p "$tmp/full"
if [ "$(id -u)" -eq 0 ] && mount -t tmpfs -o size=1m tmpfs "$tmp/full" 2>/dev/null; then
  for i in $(seq 1 3000); do
    printf '{"id":"r%d","text":"Troops attacked rebels near Goma on Monday, killing %d fighters, officials said in a long statement read on state radio."}\n' "$i" "$i"
  done >"$tmp/many.jsonl"
  "$bin" ingest --quiet --jobs 1 --db "$tmp/full/f.db" "$tmp/many.jsonl" >/dev/null 2>"$tmp/full.err"
  check "a failing store stops ingest with exit 3" test $? -eq 3
  check "a failing store is reported once" test "$(grep -c 'stopped: the store failed' "$tmp/full.err")" -eq 1
  check "a failing store does not fail every document" test "$(wc -l <"$tmp/full.err")" -le 2
  umount "$tmp/full"
fi

# serve: the JSON API on a free port, read-only; SIGTERM stops it cleanly
before=$(cksum <"$tmp/d.db")
"$bin" serve --db "$tmp/d.db" --port 0 2>"$tmp/serve.err" &
serve_pid=$!
port=""
for _ in $(seq 100); do
  port=$(grep -o '127\.0\.0\.1:[0-9]*' "$tmp/serve.err" | head -1 | cut -d: -f2)
  [ -n "$port" ] && break
  sleep 0.1
done
check "serve prints the port it listens on" test -n "$port"
http_get() {  # http_get PATH: the response (status line, headers, body) over bash's /dev/tcp
  exec 3<>"/dev/tcp/127.0.0.1/$port"
  printf 'GET %s HTTP/1.0\r\nHost: localhost\r\n\r\n' "$1" >&3
  cat <&3
  exec 3<&-
}
if [ -n "$port" ]; then
  http_get "/api/events?limit=2" >"$tmp/events.http"
  check "GET /api/events is 200" grep -q "^HTTP/1.1 200" "$tmp/events.http"
  check "GET /api/events lists events with a total" grep -q '"total":' "$tmp/events.http"
  http_get "/api/events?limit=0" >"$tmp/bad.http"
  check "a malformed parameter is 400" grep -q "^HTTP/1.1 400" "$tmp/bad.http"
  http_get "/api/stats?by=country" >"$tmp/stats.http"
  check "GET /api/stats counts by country" grep -q '"by":"country"' "$tmp/stats.http"
fi
kill -TERM "$serve_pid"
wait "$serve_pid"
check "serve stops cleanly on SIGTERM" test $? -eq 0
check "serve never wrote the database" test "$(cksum <"$tmp/d.db")" = "$before"
"$bin" serve --db "$tmp/none.db" --port 0 >/dev/null 2>"$tmp/serve_missing.err"
check "serve on a missing database exits 2" test $? -eq 2
check "serve creates no database" test ! -e "$tmp/none.db"

# eval on the seed gold, with requirements (only where the shared data exists)
gold="$src/../shared/eval/seed.gold.json"
if [ -f "$gold" ]; then
  "$bin" eval "$gold" --require event_recall=1 --require body_must_not_contain=1 >"$tmp/eval.txt"
  check "seed eval meets its requirements" test $? -eq 0
  "$bin" eval "$gold" --require event_f1=1.01 >/dev/null 2>&1
  check "an unmet requirement exits 1" test $? -eq 1
fi
"$bin" eval "$src/../shared/eval/seed.gold.json" --half sideways >/dev/null 2>&1
check "a bad --half exits 2" test $? -eq 2

# eval --half: the two halves of a gold set split its items between them
cat >"$tmp/case.tsv" <<'TSV'
id	EventSnippet	SubType
1	Police arrested the opposition leader at his home.	ARREST
2	Rebels shelled the market with mortars, killing three civilians.	ART_MISS_ATTACK
3	A magnitude 6 earthquake shook the coast.	NATURAL_DISASTER
4	Thousands of teachers protested in the capital.	PEACE_PROTEST
5	The army deployed troops to the border.	CHANGE_TO_GROUP_ACT
6	Gunmen kidnapped two aid workers.	ABDUCT_DISSAP
TSV
snippets() { "$bin" eval "$tmp/case.tsv" --half "$1" --format json | grep -o '"snippets": *[0-9]*' | grep -o '[0-9]*$'; }
fit=$(snippets fit)
held=$(snippets held-out)
all=$(snippets all)
check "eval --half splits the items" test "$((fit + held))" -eq "$all" -a "$fit" -gt 0 -a "$held" -gt 0

echo "$passed passed, $failed failed"
test "$failed" -eq 0
