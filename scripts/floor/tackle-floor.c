/*
 * tackle-floor: the floor a one-shot tackle command is measured against (scripts/bench-oneshot).
 *
 * A C program on libpq that does the same job as the tackle command with the fewest round trips,
 * in one transaction: the same rows inserted (the history triggers, being in the database, fire
 * the same), the acting person recorded the same way (tackle.actor from TACKLE_ACTOR, the OS user
 * as tackle.actor_fallback), the same connection settings (TACKLE_DATABASE_URL, libpq's PG*
 * variables, the startup options tackle sends), and what the command prints read back. It prints
 * a line like tackle's; it computes no statistics.
 *
 *   cc -O2 -o tackle-floor scripts/floor/tackle-floor.c $(pkg-config --cflags --libs libpq)
 *
 *   tackle-floor start                 returns at once: the process-start floor
 *   tackle-floor trial-log KEY LEVER PARAMETERS-JSON INSPECTED DEFECTIVE FROM TO
 *   tackle-floor project-open KEY TITLE UNIT LEADER METRIC BASELINE-DEFECTIVE BASELINE-INSPECTED
 *                BASELINE-FROM BASELINE-TO TARGET-RATE OPENED DUE
 *   tackle-floor metric-record KEY month|day PERIOD-START INSPECTED DEFECTIVE
 *
 * Dates are YYYY-MM-DD (the baseline's first and last day, a month's first day), the target a
 * fraction (0.005): the parsing tackle does of `48/1500`, `0.5%` or `2026-01..2026-03` costs
 * microseconds either way.
 *
 * Round trips after connecting: trial-log and project-open 1 (one statement that commits by
 * itself), metric-record 1 (a pipeline: BEGIN, the project locked, the clash check and insert in a
 * statement of its own so that it sees what a recorder that held the lock committed, COMMIT).
 */
#include <libpq-fe.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static PGconn *connection;

static void fail(const char *what, const PGresult *result) {
    fprintf(stderr, "tackle-floor: %s: %s", what,
            result ? PQresultErrorMessage(result) : PQerrorMessage(connection));
    exit(1);
}

/* Connects as tackle does: its defaults, the connection string expanded, its startup options. */
static void connect_like_tackle(const char *application) {
    const char *conninfo = getenv("TACKLE_DATABASE_URL");
    const char *names[] = {"connect_timeout", "keepalives", "keepalives_idle", "keepalives_interval",
                           "keepalives_count", "fallback_application_name", "dbname", "client_encoding",
                           "options", NULL};
    const char *values[] = {
        "5", "1", "30", "10", "3", application, conninfo ? conninfo : "", "UTF8",
        "-c statement_timeout=30000 -c lock_timeout=10000 "
        "-c TimeZone=UTC -c DateStyle=ISO,YMD -c IntervalStyle=postgres -c extra_float_digits=3",
        NULL};
    connection = PQconnectdbParams(names, values, 1);
    if (PQstatus(connection) != CONNECTION_OK) fail("cannot connect", NULL);
}

/* Who acts: TACKLE_ACTOR (the claim), and the OS user as the fallback, as tackle sends them. */
static const char *actor(void) {
    const char *name = getenv("TACKLE_ACTOR");
    return name ? name : "";
}

static const char *os_user(void) {
    struct passwd *entry = getpwuid(geteuid());
    return entry ? entry->pw_name : "";
}

static PGresult *run(const char *sql, int count, const char *const *parameters) {
    PGresult *result = PQexecParams(connection, sql, count, NULL, parameters, NULL, NULL, 0);
    if (PQresultStatus(result) != PGRES_TUPLES_OK && PQresultStatus(result) != PGRES_COMMAND_OK)
        fail("statement failed", result);
    return result;
}

/* One statement: the actor, the next number (locking the project row), the trial; back come the
 * trial, the baseline and every current trial's counts (for the verdict tackle prints). */
static int trial_log(char **argv) {
    connect_like_tackle("tackle trial log");
    const char *parameters[] = {actor(), os_user(), argv[0], argv[1], argv[2], argv[3], argv[4], argv[5], argv[6]};
    PGresult *result = run(
        "WITH acting AS ("
        "    SELECT set_config('tackle.actor', $1, true) AS actor, set_config('tackle.reason', '', true),"
        "           set_config('tackle.actor_fallback', $2, true)"
        "), numbered AS ("
        "    UPDATE project SET next_trial_number = next_trial_number + 1 WHERE key = $3"
        "    RETURNING id, next_trial_number - 1 AS number, baseline_defective, baseline_inspected, target_rate"
        "), inserted AS ("
        "    INSERT INTO trial (project_id, number, lever, hypothesis, started_on, ended_on, parameters,"
        "                       inspected, defective, heats, note, conclusion, conditions)"
        "    SELECT numbered.id, numbered.number, $4, '', $8, $9, $5::jsonb, $6, $7, '{}', '', '', '[]'"
        "    FROM numbered, acting"
        "    RETURNING number, lever, inspected, defective"
        ")"
        " SELECT t.number, t.lever, t.inspected, t.defective, n.baseline_defective, n.baseline_inspected,"
        "        n.target_rate,"
        "        (SELECT string_agg(o.defective || '/' || o.inspected, ' ' ORDER BY o.number) FROM trial o"
        "         WHERE o.project_id = n.id AND o.voided_at IS NULL) AS earlier"
        " FROM inserted t, numbered n",
        9, parameters);
    if (PQntuples(result) != 1) {
        fprintf(stderr, "tackle-floor: no project with key %s\n", argv[0]);
        return 1;
    }
    printf("logged T%s of %s: %s\nrate: %s/%s; baseline %s/%s; earlier trials %s\n", PQgetvalue(result, 0, 0),
           argv[0], PQgetvalue(result, 0, 1), PQgetvalue(result, 0, 3), PQgetvalue(result, 0, 2),
           PQgetvalue(result, 0, 4), PQgetvalue(result, 0, 5), PQgetvalue(result, 0, 7));
    PQclear(result);
    return 0;
}

/* One statement: the actor, the unit and the active leader looked up, the project and its leader's
 * membership inserted; back comes the project as tackle prints it. */
static int project_open(char **argv) {
    connect_like_tackle("tackle project open");
    const char *parameters[] = {actor(), os_user(), argv[0], argv[1], argv[2],  argv[3],  argv[4],
                                argv[5], argv[6],   argv[7], argv[8], argv[9], argv[10], argv[11]};
    PGresult *result = run(
        "WITH acting AS ("
        "    SELECT set_config('tackle.actor', $1, true) AS actor, set_config('tackle.reason', '', true),"
        "           set_config('tackle.actor_fallback', $2, true)"
        "), opened AS ("
        "    INSERT INTO project (key, title, problem, unit_id, leader_id, leader_selection, status, opened_on,"
        "                         due_on, metric_name, baseline_defective, baseline_inspected, baseline_from,"
        "                         baseline_to, target_rate)"
        "    SELECT $3, $4, '', u.id, l.id, 'open', 'active', $13, $14, $7, $8, $9, $10, $11, $12"
        "    FROM unit u, person l, acting WHERE u.code = $5 AND l.employee_no = $6 AND l.active"
        "    RETURNING id, key, title, status, due_on, leader_id, opened_on"
        "), joined AS ("
        "    INSERT INTO member (project_id, person_id, role, joined_on)"
        "    SELECT id, leader_id, 'leader', opened_on FROM opened"
        ")"
        " SELECT key, title, status, due_on FROM opened",
        14, parameters);
    if (PQntuples(result) != 1) {
        fprintf(stderr, "tackle-floor: no unit %s or no active person %s\n", argv[2], argv[3]);
        return 1;
    }
    printf("opened %s %s (%s, due %s)\n", PQgetvalue(result, 0, 0), PQgetvalue(result, 0, 1),
           PQgetvalue(result, 0, 2), PQgetvalue(result, 0, 3));
    PQclear(result);
    return 0;
}

/* Reads the next result of a pipeline, and the NULL that ends it. */
static PGresult *next_result(const char *what) {
    PGresult *result = PQgetResult(connection);
    if (!result) fail(what, NULL);
    ExecStatusType status = PQresultStatus(result);
    if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) fail(what, result);
    PGresult *end = PQgetResult(connection);
    if (end) fail("unexpected result", end);
    return result;
}

/* One round trip, a pipeline: BEGIN; the actor set and the project locked (so recorders queue);
 * in a statement of its own, with a snapshot taken after the lock, the clash check (the period, or
 * the month at the other granularity) and the insert; COMMIT. Back come the figures. */
static int metric_record(char **argv) {
    connect_like_tackle("tackle metric record");
    const char *lock[] = {actor(), os_user(), argv[0]};
    const char *record[] = {argv[0], argv[1], argv[2], argv[3], argv[4]};
    if (!PQenterPipelineMode(connection)) fail("pipeline", NULL);
    PQsendQueryParams(connection, "BEGIN", 0, NULL, NULL, NULL, NULL, 0);
    PQsendQueryParams(
        connection,
        "SELECT set_config('tackle.actor', $1, true), set_config('tackle.reason', '', true),"
        "       set_config('tackle.actor_fallback', $2, true),"
        "       (SELECT id FROM project WHERE key = $3 FOR UPDATE) AS id",
        3, NULL, lock, NULL, NULL, 0);
    PQsendQueryParams(
        connection,
        "WITH p AS (SELECT id, closed_on FROM project WHERE key = $1), clash AS ("
        "    SELECT o.granularity, o.inspected, o.defective FROM observation o, p"
        "    WHERE o.project_id = p.id AND o.voided_at IS NULL"
        "      AND o.period_start BETWEEN date_trunc('month', $3::date)::date"
        "          AND (date_trunc('month', $3::date) + interval '1 month - 1 day')::date"
        "      AND (o.granularity <> $2 OR o.period_start = $3::date)"
        "    LIMIT 1"
        "), inserted AS ("
        "    INSERT INTO observation (project_id, granularity, period_start, inspected, defective, note)"
        "    SELECT p.id, $2, $3::date, $4, $5, '' FROM p"
        "    WHERE NOT EXISTS (SELECT FROM clash) AND (p.closed_on IS NULL OR $3::date <= p.closed_on)"
        "    RETURNING period_start, inspected, defective"
        ")"
        " SELECT i.period_start, i.inspected, i.defective, c.granularity AS clash"
        " FROM (SELECT 1) AS one LEFT JOIN inserted i ON true LEFT JOIN clash c ON true",
        5, NULL, record, NULL, NULL, 0);
    PQsendQueryParams(connection, "COMMIT", 0, NULL, NULL, NULL, NULL, 0);
    if (!PQpipelineSync(connection)) fail("pipeline", NULL);
    PQclear(next_result("BEGIN"));
    PGresult *locked = next_result("lock");
    if (PQgetisnull(locked, 0, 3)) {
        fprintf(stderr, "tackle-floor: no project with key %s\n", argv[0]);
        return 1;
    }
    PQclear(locked);
    PGresult *result = next_result("record");
    PQclear(next_result("COMMIT"));
    PGresult *sync = PQgetResult(connection);
    if (PQresultStatus(sync) != PGRES_PIPELINE_SYNC) fail("pipeline", sync);
    PQclear(sync);
    if (PQgetisnull(result, 0, 0)) {
        fprintf(stderr, "tackle-floor: %s of %s already has figures (%s) or the project is closed\n", argv[2],
                argv[0], PQgetvalue(result, 0, 3));
        return 1;
    }
    printf("recorded %.*s of %s: %s/%s\n", strcmp(argv[1], "month") == 0 ? 7 : 10, PQgetvalue(result, 0, 0),
           argv[0], PQgetvalue(result, 0, 2), PQgetvalue(result, 0, 1));
    PQclear(result);
    return 0;
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: tackle-floor start | trial-log ... | project-open ... | metric-record ...\n");
        return 64;
    }
    const char *mode = argv[1];
    int status;
    if (strcmp(mode, "start") == 0) return 0;
    if (strcmp(mode, "trial-log") == 0 && argc == 9) {
        status = trial_log(argv + 2);
    } else if (strcmp(mode, "project-open") == 0 && argc == 14) {
        status = project_open(argv + 2);
    } else if (strcmp(mode, "metric-record") == 0 && argc == 7) {
        status = metric_record(argv + 2);
    } else {
        fprintf(stderr, "tackle-floor: unknown mode or wrong number of arguments: %s\n", mode);
        return 64;
    }
    PQfinish(connection);
    return status;
}
