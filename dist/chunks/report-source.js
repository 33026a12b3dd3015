import { createHash } from 'node:crypto';
import path$2, { resolve, join, dirname as dirname$1, basename } from 'node:path';
import { U as GATE_METRICS, s as scoreOf, a as metricFacts, t as thresholdInput, V as meetsThreshold, F as INPUT_DEFAULTS, I as InputError, E as checkPrivateKey, W as editorOrigin, X as ReportWriteError, D as describeError, Y as EvaluationError, Z as defaultClientFactory, _ as OUTCOME, $ as metricsOf, a0 as addTallies, a1 as bootstrapIntervals, a2 as bootstrapSeed, a3 as projectHashForLinks, a4 as labelEditorUrl, a5 as boundsOf, a6 as boundsOverlap, a7 as similarityBound, a8 as similarity, a9 as TALLY_FIELDS, J as escapeMarkdown$1, aa as stringifyRecords, ab as neutraliseFormula, m as metricsShownIn, l as labelsUnder, ac as METRICS, ad as balancedWorstItems, ae as metricsComputedBy, af as html, ag as verdictIcon, ah as safeHref, ai as ERROR_KINDS, aj as page, ak as orderRunResult, al as DEFAULT_WORST_ITEMS_PER_KIND, H as limitWorstItems, c as safeText, am as makeLoader, an as sharedRequestLimit, ao as auditIndexOf, ap as scoreTrainingProject, aq as sharedLimitMemory, ar as hasTracks, as as pLimit, at as printParseErrorCode, au as visit, av as detectUtf16, aw as describeUtf16, ax as object, ay as array, az as union, aA as record, aB as unknown, j as string, aC as literal, aD as number, R as firstLineOf, aE as _enum, aF as projectFeedback, G as csvHeader } from './score-project.js';
import { stat as stat$1, mkdir as mkdir$1, writeFile as writeFile$1, rm as rm$1, open as open$1, readdir as readdir$1, rename as rename$1, readFile, appendFile as appendFile$1 } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { serialize } from 'node:v8';
import { Worker } from 'node:worker_threads';
import { isUtf8 } from 'node:buffer';
import * as os from 'os';
import os__default, { EOL } from 'os';
import * as crypto from 'crypto';
import * as fs from 'fs';
import { promises, constants } from 'fs';
import * as path$1 from 'path';
import 'string_decoder';
import 'events';
import 'child_process';
import assert from 'assert';
import 'timers';
import 'stream';
import 'util';

const GATE_ON_CHOICES = ['estimate', 'interval'];
const ON_INCONCLUSIVE_CHOICES = [
    'warn',
    'fail',
    'pass'
];
function applyGate(projects, settings) {
    const verdicts = [];
    const failedProjects = [];
    for (const outcome of projects) {
        if (outcome.status === 'failed')
            failedProjects.push(outcome.failure);
        else
            verdicts.push(verdictFor(outcome.evaluation, settings));
    }
    const failures = verdicts.flatMap((verdict) => verdict.verdict !== 'fail'
        ? []
        : verdict.checks
            .filter((check) => check.outcome === 'fail')
            .map(({ metric, threshold, actual }) => ({
            projectHash: verdict.projectHash,
            annotator: verdict.annotator,
            metric,
            threshold,
            actual
        })));
    const unsettled = verdicts.filter((verdict) => verdict.verdict === 'inconclusive' || verdict.verdict === 'insufficient-evidence');
    return {
        passed: failedProjects.length === 0 && verdicts.every((verdict) => verdict.verdict === 'pass'),
        stepFails: failures.length > 0 ||
            failedProjects.length > 0 ||
            (settings.onInconclusive === 'fail' && unsettled.length > 0),
        verdicts,
        failures,
        failedProjects
    };
}
function verdictFor(evaluation, settings) {
    const checks = GATE_METRICS.flatMap((metric) => {
        const threshold = settings.thresholds[metric];
        if (threshold === undefined)
            return [];
        const actual = scoreOf(evaluation.overall, metric);
        const interval = evaluation.intervals?.overall[metric] ?? null;
        const { direction } = metricFacts(metric);
        const outcome = checkOutcome(direction, actual, interval, threshold, settings.gateOn);
        return [
            {
                metric,
                input: thresholdInput(metric),
                threshold,
                actual,
                interval,
                outcome,
                passed: outcome === 'pass',
                borderline: settings.gateOn === 'estimate' &&
                    actual !== null &&
                    interval !== null &&
                    straddles(direction, interval, threshold)
            }
        ];
    });
    const dataUnits = evaluation.coverage.pairedRows;
    return {
        projectHash: evaluation.projectHash,
        annotator: evaluation.annotator,
        verdict: annotatorVerdict(checks, dataUnits, settings.minDataUnits),
        dataUnits,
        benchmarkObjects: evaluation.overall.benchmarkObjects,
        checks
    };
}
function annotatorVerdict(checks, dataUnits, minDataUnits) {
    // With no threshold there is no bar to clear, and nothing for the evidence to be enough for.
    if (checks.length === 0)
        return 'pass';
    if (dataUnits < minDataUnits)
        return 'insufficient-evidence';
    if (checks.some((check) => check.outcome === 'fail'))
        return 'fail';
    if (checks.some((check) => check.outcome === 'inconclusive'))
        return 'inconclusive';
    return 'pass';
}
/**
 * One threshold's outcome. A score that cannot be computed fails (it cannot show the bar is met);
 * under `interval`, a score without an interval (too few resamples define it) is inconclusive.
 */
function checkOutcome(direction, actual, interval, threshold, gateOn) {
    if (actual === null)
        return 'fail';
    if (gateOn === 'estimate')
        return meetsThreshold(direction, actual, threshold) ? 'pass' : 'fail';
    if (interval === null)
        return 'inconclusive';
    const [worst, best] = boundsByMerit(direction, interval);
    if (meetsThreshold(direction, worst, threshold))
        return 'pass';
    if (!meetsThreshold(direction, best, threshold))
        return 'fail';
    return 'inconclusive';
}
/** The interval's bounds as [worst, best] for the score's direction. */
function boundsByMerit(direction, interval) {
    return direction === 'higher-is-better'
        ? [interval.low, interval.high]
        : [interval.high, interval.low];
}
/** The threshold lies inside the interval: its best bound meets it, its worst does not. */
function straddles(direction, interval, threshold) {
    const [worst, best] = boundsByMerit(direction, interval);
    return meetsThreshold(direction, best, threshold) && !meetsThreshold(direction, worst, threshold);
}

/**
 * Raw inputs (action inputs or CLI flags, as strings) → one validated `RunConfig`.
 * Every mistake a user can make is found here, before any network call, and reported as an
 * `InputError` with one line that names the input and shows a valid value.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EXAMPLE_HASH = '00000000-0000-0000-0000-000000000000';
/** Characters @actions/artifact rejects in artifact names. */
const ARTIFACT_NAME_FORBIDDEN = /["':<>|*?\r\n\\/]/;
/**
 * Parses and validates raw inputs. `env` supplies the runner variables used to make the artifact
 * name unique (GITHUB_JOB, GITHUB_RUN_ATTEMPT).
 */
function parseConfig(raw, env = {}) {
    const value = (name) => {
        const text = raw[name]?.trim();
        return text === undefined || text === '' ? undefined : text;
    };
    const withDefault = (name) => value(name) ?? INPUT_DEFAULTS[name];
    const registrationFiles = value('registration-files') ?? null;
    const method = parseMethod(withDefault('method'));
    const thresholds = parseThresholds(value, method);
    const intervals = parseIntervals(withDefault);
    const gateOn = parseGateOn(withDefault('gate-on'), intervals);
    const warnings = [];
    const merge = parseMerge(value);
    // A merge step scores nothing: like a registration check, it needs no evaluation inputs.
    const source = parseSource(value, withDefault, registrationFiles !== null || merge !== null, warnings);
    return {
        source,
        workflowStage: withDefault('workflow-stage'),
        preflight: parseBoolean('preflight', withDefault('preflight')),
        evaluation: {
            method,
            iouThreshold: parseFraction('iou-threshold', withDefault('iou-threshold'), {
                allowZero: false
            }),
            intervals,
            report: parseReportOptions(value, withDefault, source),
            audit: parseAuditOptions(withDefault, method)
        },
        thresholds,
        gate: {
            gateOn,
            onInconclusive: parseEnum('on-inconclusive', withDefault('on-inconclusive'), ON_INCONCLUSIVE_CHOICES),
            minDataUnits: parseInteger('min-data-units', withDefault('min-data-units'), 1, 1_000_000, 10)
        },
        outputDir: withDefault('output-dir'),
        artifact: {
            upload: parseBoolean('upload-artifact', withDefault('upload-artifact')),
            name: uniqueArtifactName(parseArtifactName(withDefault('artifact-name')), value('comment-key'), source, method, env),
            retentionDays: parseRetentionDays(value('retention-days'))
        },
        comment: {
            mode: parseEnum('comment', withDefault('comment'), ['auto', 'always', 'off']),
            key: parseCommentKey(value('comment-key'))
        },
        githubToken: value('github-token') ?? '',
        registrationFiles,
        history: {
            runs: parseInteger('history-runs', withDefault('history-runs'), 0, 100),
            file: value('history-file') ?? null
        },
        merge,
        warnings
    };
}
function parseMerge(value) {
    const reports = value('merge-reports');
    const legs = value('expected-legs');
    if (reports === undefined) {
        if (legs !== undefined) {
            throw new InputError("Input 'expected-legs' is set without merge-reports; give merge-reports the legs' report.json globs, or leave expected-legs out");
        }
        return null;
    }
    return {
        reports,
        expectedLegs: legs === undefined ? null : parseInteger('expected-legs', legs, 1, 256)
    };
}
function parseSource(value, withDefault, checkingRegistration, warnings) {
    // Checked whatever the source, so an offline run refuses what an online one would.
    const concurrency = parseInteger('concurrency', withDefault('concurrency'), 1, 64);
    const exportInputs = ['benchmark-export', 'training-exports', 'ontology-file'];
    const apiInputs = ['benchmark-project', 'training-projects'];
    const anyExport = exportInputs.some((name) => value(name) !== undefined);
    const anyApi = apiInputs.some((name) => value(name) !== undefined);
    if (anyExport && anyApi) {
        throw new InputError('Set either benchmark-project and training-projects (read from Encord) or benchmark-export, training-exports and ontology-file (read from files), not both', 'benchmark-export');
    }
    if (anyExport) {
        const missing = exportInputs.filter((name) => value(name) === undefined);
        if (missing.length > 0) {
            throw new InputError(`Input '${missing[0]}' is required when scoring from export files (set benchmark-export, training-exports and ontology-file together)`, missing[0]);
        }
        return {
            kind: 'exports',
            benchmarkExport: value('benchmark-export'),
            trainingExports: parseTrainingExports(value('training-exports'), warnings),
            ontologyFile: value('ontology-file')
        };
    }
    if (!anyApi && checkingRegistration)
        return null;
    const benchmarkProject = parseProjectHash('benchmark-project', required(value, 'benchmark-project'));
    const trainingProjects = parseTrainingProjects(required(value, 'training-projects'), warnings);
    if (trainingProjects.includes(benchmarkProject)) {
        throw new InputError(`Input 'training-projects' includes the benchmark project ${benchmarkProject}; list only the annotators' training projects`, 'training-projects');
    }
    const keyText = value('ssh-private-key');
    if (keyText === undefined) {
        throw new InputError("Input 'ssh-private-key' is required: pass your Encord private key from a secret, e.g. ssh-private-key: ${{ secrets.ENCORD_SSH_KEY }}", 'ssh-private-key');
    }
    return {
        kind: 'encord',
        key: checkPrivateKey(keyText),
        domain: parseDomain(withDefault('encord-domain')),
        benchmarkProject,
        trainingProjects,
        concurrency
    };
}
function required(value, name) {
    const text = value(name);
    if (text === undefined) {
        const example = name === 'training-projects' ? `${EXAMPLE_HASH}, …` : EXAMPLE_HASH;
        throw new InputError(`Input '${name}' is required, e.g. ${name}: ${example}`, name);
    }
    return text;
}
/** Splits a list given one per line, or separated by commas or spaces. */
function splitList(text) {
    return text
        .split(/[\s,]+/)
        .map((item) => item.trim())
        .filter((item) => item !== '');
}
/**
 * Paths, which may hold spaces and commas: one per line when the value has line breaks (a YAML
 * block, or a repeated CLI flag), else the whole value is one path.
 */
function splitPaths(text) {
    return text
        .split(/\r?\n/)
        .map((item) => item.trim())
        .filter((item) => item !== '');
}
function parseTrainingExports(text, warnings) {
    // `./a.json` and `a.json` are one file: compare resolved paths, keep the spelling given first.
    return withoutRepeats(splitPaths(text), (file) => path$2.resolve(file), 'training-exports', warnings);
}
function parseTrainingProjects(text, warnings) {
    const hashes = splitList(text).map((hash) => parseProjectHash('training-projects', hash));
    const unique = withoutRepeats(hashes, (hash) => hash, 'training-projects', warnings);
    if (unique.length === 0) {
        throw new InputError(`Input 'training-projects' lists no project; give one hash per line, e.g. ${EXAMPLE_HASH}`, 'training-projects');
    }
    return unique;
}
/** The first of each item in order; one warning names what was listed more than once. */
function withoutRepeats(items, identity, input, warnings) {
    const first = new Map();
    const repeated = new Set();
    for (const item of items) {
        const key = identity(item);
        if (first.has(key))
            repeated.add(first.get(key));
        else
            first.set(key, item);
    }
    if (repeated.size > 0) {
        // Whole: a path cut short could name another file. Items are hashes or paths, not key text.
        const names = [...repeated].map((item) => `'${item}'`).join(', ');
        warnings.push({
            input,
            message: `Input '${input}' lists ${names} more than once; each is scored once`
        });
    }
    return [...first.values()];
}
function parseProjectHash(name, text) {
    if (!UUID.test(text)) {
        throw new InputError(`Input '${name}' has '${redactedEcho(text)}', which is not an Encord project hash: expected a UUID like ${EXAMPLE_HASH} (the id in the project's URL)`, name);
    }
    return text.toLowerCase();
}
function parseDomain(text) {
    let url;
    try {
        url = new URL(text);
    }
    catch {
        throw new InputError(`Input 'encord-domain' has '${redactedEcho(text)}', which is not a URL: use https://api.encord.com (or https://api.us.encord.com)`, 'encord-domain');
    }
    const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
        throw new InputError(`Input 'encord-domain' must use https (got ${url.protocol}//${url.host}): use https://api.encord.com`, 'encord-domain');
    }
    if ((url.pathname !== '/' && url.pathname !== '') || url.search !== '' || url.hash !== '') {
        throw new InputError(`Input 'encord-domain' must be an origin without a path (got ${redactedEcho(text)}): use ${url.origin}`, 'encord-domain');
    }
    return url.origin;
}
/**
 * What a run keeps for its reports: worst items per project, the low-overlap bar of the feedback
 * notes, and which app the links open (`results/editor-links.ts`).
 */
function parseReportOptions(value, withDefault, source) {
    const appText = value('encord-app-url');
    const appUrl = appText === undefined ? null : parseAppUrl(appText);
    return {
        items: parseInteger('report-items', withDefault('report-items'), 0, 10_000),
        lowIou: parseFraction('low-iou', withDefault('low-iou'), { allowZero: false }),
        editorOrigin: editorOrigin(source?.kind === 'encord' ? source.domain : null, appUrl)
    };
}
function parseAppUrl(text) {
    const example = 'e.g. https://app.encord.com or the origin your deployment serves the app from';
    let url;
    try {
        url = new URL(text);
    }
    catch {
        throw new InputError(`Input 'encord-app-url' has '${redactedEcho(text)}', which is not a URL: use ${example}`, 'encord-app-url');
    }
    const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
        throw new InputError(`Input 'encord-app-url' must use https (got ${url.protocol}//${url.host}): ${example}`, 'encord-app-url');
    }
    if ((url.pathname !== '/' && url.pathname !== '') || url.search !== '' || url.hash !== '') {
        throw new InputError(`Input 'encord-app-url' must be an origin without a path (got ${redactedEcho(text)}): use ${url.origin}`, 'encord-app-url');
    }
    return url.origin;
}
/** The benchmark audit's settings (`results/audit.ts`). */
function parseAuditOptions(withDefault, method) {
    const agreementText = withDefault('audit-agreement');
    const agreement = Number(agreementText);
    // At most half would let two different answers both be "what most annotators say".
    if (!(DECIMAL.test(agreementText) && agreement > 0.5 && agreement <= 1)) {
        throw new InputError(`Input 'audit-agreement' must be a number greater than 0.5 and at most 1 (got '${redactedEcho(agreementText)}'), e.g. 0.67`, 'audit-agreement');
    }
    const excludeSuspects = parseBoolean('exclude-suspects', withDefault('exclude-suspects'));
    if (excludeSuspects && method !== 'one-to-one') {
        throw new InputError("Input 'exclude-suspects' needs method: one-to-one (the audit reads its matching); remove exclude-suspects or set method: one-to-one", 'exclude-suspects');
    }
    return {
        minAnnotators: parseInteger('audit-min-annotators', withDefault('audit-min-annotators'), 2, 1_000_000, 3),
        agreement,
        excludeSuspects
    };
}
function parseMethod(text) {
    return parseEnum('method', text, ['one-to-one', 'encord-script']);
}
function parseThresholds(value, method) {
    const thresholds = {};
    for (const metric of GATE_METRICS) {
        const name = thresholdInput(metric);
        const text = value(name);
        if (text === undefined)
            continue;
        if (!metricFacts(metric).methods.includes(method)) {
            throw new InputError(`Input '${name}' cannot be used with method: encord-script, which scores only IoU and class; use min-mean-iou or min-class-accuracy, or method: one-to-one`, name);
        }
        thresholds[metric] = parseFraction(name, text, { allowZero: true });
    }
    return thresholds;
}
function parseIntervals(withDefault) {
    const samples = parseInteger('bootstrap-samples', withDefault('bootstrap-samples'), 0, 100_000, 2000);
    const text = withDefault('confidence-level');
    const confidenceLevel = Number(text);
    if (!DECIMAL.test(text) || !(confidenceLevel > 0 && confidenceLevel < 1)) {
        throw new InputError(`Input 'confidence-level' must be a number greater than 0 and less than 1 (got '${redactedEcho(text)}'), e.g. confidence-level: 0.95 for 95 % intervals`, 'confidence-level');
    }
    return { samples, confidenceLevel };
}
function parseGateOn(text, intervals) {
    const gateOn = parseEnum('gate-on', text, GATE_ON_CHOICES);
    if (gateOn === 'interval' && intervals.samples === 0) {
        throw new InputError("Input 'gate-on' is interval but bootstrap-samples is 0, so there are no intervals: set bootstrap-samples (e.g. 2000) or gate-on: estimate", 'gate-on');
    }
    return gateOn;
}
/** Plain decimals only: `Number()` alone would also take `0x1`, `1e-1` or `Infinity`. */
const DECIMAL = /^(?:\d+(?:\.\d*)?|\.\d+)$/;
function parseFraction(name, text, { allowZero }) {
    const number = Number(text);
    const ok = DECIMAL.test(text) && number <= 1 && (allowZero ? number >= 0 : number > 0);
    if (!ok) {
        const range = allowZero ? 'between 0 and 1' : 'greater than 0 and at most 1';
        throw new InputError(`Input '${name}' must be a number ${range} (got '${redactedEcho(text)}'), e.g. ${name}: 0.8`, name);
    }
    return number;
}
function parseInteger(name, text, min, max, example = min === 1 ? 8 : min) {
    const number = Number(text);
    if (!/^\d+$/.test(text) || number < min || number > max) {
        throw new InputError(`Input '${name}' must be a whole number from ${min} to ${max} (got '${redactedEcho(text)}'), e.g. ${name}: ${example}`, name);
    }
    return number;
}
function parseBoolean(name, text) {
    if (/^true$/i.test(text))
        return true;
    if (/^false$/i.test(text))
        return false;
    throw new InputError(`Input '${name}' must be true or false (got '${redactedEcho(text)}')`, name);
}
function parseEnum(name, text, allowed) {
    const match = allowed.find((option) => option === text.toLowerCase());
    if (match === undefined) {
        throw new InputError(`Input '${name}' must be one of ${allowed.join(', ')} (got '${redactedEcho(text)}')`, name);
    }
    return match;
}
function parseRetentionDays(text) {
    if (text === undefined)
        return null;
    return parseInteger('retention-days', text, 1, 90);
}
function parseArtifactName(text) {
    if (ARTIFACT_NAME_FORBIDDEN.test(text)) {
        throw new InputError(`Input 'artifact-name' contains a character GitHub does not allow in artifact names (" : < > | * ? \\ / or a line break); use letters, digits, - and _, e.g. annotator-scores`, 'artifact-name');
    }
    return text;
}
function parseCommentKey(text) {
    if (text === undefined)
        return '';
    if (!/^[A-Za-z0-9._-]{1,64}$/.test(text)) {
        throw new InputError(`Input 'comment-key' must be 1–64 letters, digits, '.', '_' or '-' (got '${redactedEcho(text)}'), e.g. comment-key: team-a`, 'comment-key');
    }
    return text;
}
/**
 * Artifacts are immutable and their names unique per workflow run; a re-run is the same run.
 * So the name carries the job, the matrix leg (the comment key if set, else a short digest of
 * what is scored) and the run attempt: re-runs, matrix legs and jobs never collide.
 */
function uniqueArtifactName(base, commentKey, source, method, env) {
    const leg = commentKey ?? (source === null ? 'registration' : digest(`${method}:${describeSource(source)}`));
    const job = env.GITHUB_JOB?.trim();
    const attempt = env.GITHUB_RUN_ATTEMPT?.trim() || '1';
    return [base, job, leg, 'attempt', attempt].filter((part) => part).join('-');
}
function describeSource(source) {
    return source.kind === 'encord'
        ? [source.benchmarkProject, ...source.trainingProjects].join(',')
        : [source.benchmarkExport, ...source.trainingExports].join(',');
}
function digest(text) {
    return createHash('sha256').update(text).digest('hex').slice(0, 8);
}
/** Echoes a bad value back, shortened, and never when it looks like key material. */
function redactedEcho(text) {
    if (/PRIVATE KEY|OPENSSH|b3BlbnNzaC1rZXktdjE/.test(text))
        return '<key material, not shown>';
    const oneLine = text.replace(/[\r\n]+/g, ' ');
    return oneLine.length > 60 ? `${oneLine.slice(0, 57)}…` : oneLine;
}

/**
 * Names of the files a run writes into the output directory. The sinks that write them and the
 * reports that point readers to them read this one table, so they cannot disagree.
 * `iou_results.csv` is the name Encord's script uses.
 */
const REPORT_FILE_NAMES = {
    csv: 'iou_results.csv',
    report: 'report.json',
    summary: 'summary.md',
    html: 'report.html',
    audit: 'benchmark_audit.csv'
};
/** The benchmark audit's CSV (`results/audit.ts`), one row per suspect. */
const AUDIT_FILE_NAME = REPORT_FILE_NAMES.audit;
/** The folder in the output directory that holds one feedback note per annotator. */
const FEEDBACK_DIR = 'feedback';

/**
 * Writes the rendered reports into the output directory. The strings come from `src/report/`;
 * this module only puts them on disk, so the CSV exists even when every other sink fails.
 * The CSV can be written as the run goes (`csvFileWriter`): a large run's rows are never all in
 * memory at once.
 *
 * The folder never mixes two runs, and never holds a half-written file under a report's name:
 * - `checkOutputDir` runs before any request, so a folder that cannot be written stops the run
 *   at once instead of after all the scoring;
 * - when a run starts writing, the previous run's report files (and any temporary file a killed
 *   run left) are removed;
 * - every file is written to a temporary name in the same folder and renamed into place when it
 *   is complete (a rename within one folder replaces the name in one step).
 * So a run stopped half-way (a cancelled workflow sends SIGTERM) leaves only the files it had
 * finished and, at worst, a hidden `.….partial-<pid>` file, never a half CSV beside an older
 * report.json.
 */
const OUTPUT_DIR_EXAMPLE = 'e.g. output-dir: encord-annotator-eval';
/**
 * Makes sure `outputDir` is a folder this run can write, creating it if needed, before any
 * request: writes and removes a probe file, and checks that no report file's name is taken by a
 * folder. Throws an `InputError` for `output-dir` naming what to fix.
 */
async function checkOutputDir(outputDir) {
    const dir = resolve(outputDir);
    const existing = await stat$1(dir).catch(() => null);
    if (existing !== null && !existing.isDirectory()) {
        throw new InputError(`Input 'output-dir' is a file, not a folder: ${dir}. Set it to a folder (it is created if missing), ${OUTPUT_DIR_EXAMPLE}`, 'output-dir');
    }
    const refuse = (what, error) => {
        throw new InputError(`Input 'output-dir' ${what}: ${dir} (${whyNotWritten(error)}). Set it to a folder this job can write, ${OUTPUT_DIR_EXAMPLE}`, 'output-dir');
    };
    await mkdir$1(dir, { recursive: true }).catch((error) => refuse('cannot be created', error));
    for (const name of Object.values(REPORT_FILE_NAMES)) {
        const path = join(dir, name);
        const found = await stat$1(path).catch(() => null);
        if (found?.isDirectory()) {
            throw new InputError(`Input 'output-dir' holds a folder named ${name} where the report file goes: ${path}. Remove that folder, or set output-dir to another folder`, 'output-dir');
        }
    }
    const notes = join(dir, FEEDBACK_DIR);
    const notesFound = await stat$1(notes).catch(() => null);
    if (notesFound !== null && !notesFound.isDirectory()) {
        throw new InputError(`Input 'output-dir' holds a file named ${FEEDBACK_DIR} where the feedback notes' folder goes: ${notes}. Remove that file, or set output-dir to another folder`, 'output-dir');
    }
    const probe = join(dir, `.write-check-${process.pid}`);
    await writeFile$1(probe, '', { flag: 'w' }).catch((error) => refuse('is not writable', error));
    await rm$1(probe, { force: true }).catch((error) => refuse('is not writable', error));
}
/**
 * Writes the report files as UTF-8 into `outputDir` (relative paths resolve against the working
 * directory, the workspace on a runner), each through a temporary file. Throws a
 * `ReportWriteError` naming the path that could not be written: losing the CSV is a real failure,
 * unlike a missed comment.
 */
async function writeReportFiles(outputDir, reports) {
    const dir = resolve(outputDir);
    const files = {
        csvPath: join(dir, REPORT_FILE_NAMES.csv),
        reportPath: join(dir, REPORT_FILE_NAMES.report),
        summaryPath: join(dir, REPORT_FILE_NAMES.summary),
        htmlPath: join(dir, REPORT_FILE_NAMES.html)
    };
    const { csv } = reports;
    if (typeof csv === 'string') {
        await startWriting(dir);
        await writeFileInPlace(files.csvPath, csv);
    }
    else {
        await csv.close();
    }
    await writeFileInPlace(files.reportPath, reports.reportJson);
    await writeFileInPlace(files.summaryPath, reports.summaryMarkdown);
    await writeFileInPlace(files.htmlPath, reports.reportHtml);
    const feedbackPaths = await writeFeedbackNotes(dir, reports.feedbackNotes ?? []);
    let auditPath = null;
    if (reports.auditCsv !== undefined) {
        auditPath = join(dir, REPORT_FILE_NAMES.audit);
        await writeFileInPlace(auditPath, reports.auditCsv);
    }
    return { outputDir: dir, ...files, feedbackPaths, auditPath };
}
/**
 * The notes go in `feedback/`, each through a temporary file like the other reports. Their names
 * are made safe and unique by `noteFileNames`; a name that is not a plain file name is refused
 * here too, so a note can never land outside the folder.
 */
async function writeFeedbackNotes(dir, notes) {
    if (notes.length === 0)
        return [];
    const folder = join(dir, FEEDBACK_DIR);
    await attempt(folder, () => mkdir$1(folder, { recursive: true }));
    const paths = [];
    for (const note of notes) {
        if (basename(note.fileName) !== note.fileName || note.fileName.startsWith('.')) {
            throw new Error(`not a plain file name for a feedback note: ${note.fileName}`);
        }
        const path = join(folder, note.fileName);
        await writeFileInPlace(path, note.markdown);
        paths.push(path);
    }
    return paths;
}
function csvFileWriter(outputDir, header) {
    const dir = resolve(outputDir);
    const path = join(dir, REPORT_FILE_NAMES.csv);
    const partial = partialPath(path);
    let file = null;
    let closed = false;
    let failure = null;
    // Appends run one after another, in call order, whoever calls.
    let queue = Promise.resolve();
    const append = (text) => {
        queue = queue.then(async () => {
            if (failure !== null || closed)
                return;
            try {
                if (file === null) {
                    await startWriting(dir);
                    file = await attempt(path, () => open$1(partial, 'w'));
                    await attempt(path, () => file.writeFile(header, 'utf8'));
                }
                const handle = file;
                if (text.length > 0)
                    await attempt(path, () => handle.writeFile(text, 'utf8'));
            }
            catch (error) {
                failure = error;
            }
        });
        return queue;
    };
    return {
        write: append,
        async close() {
            await append('');
            closed = true;
            const handle = file;
            file = null;
            if (handle !== null) {
                await attempt(path, () => handle.close()).catch((error) => {
                    failure ??= error;
                });
            }
            if (failure === null) {
                await attempt(path, () => rename$1(partial, path)).catch((error) => {
                    failure = error;
                });
            }
            if (failure !== null) {
                await rm$1(partial, { force: true }).catch(() => undefined);
                throw failure;
            }
        }
    };
}
/**
 * The moment a run starts writing: the folder is made, and the previous run's report files and
 * any temporary file a stopped run left behind are removed, so the folder never holds files of
 * two runs. A folder in the way of a report file is left alone (and reported when it is reached).
 */
async function startWriting(dir) {
    await attempt(dir, () => mkdir$1(dir, { recursive: true }));
    const names = new Set(Object.values(REPORT_FILE_NAMES));
    const entries = await attempt(dir, () => readdir$1(dir, { withFileTypes: true }));
    for (const entry of entries) {
        if (entry.isDirectory())
            continue;
        const previous = names.has(entry.name) || isPartialName(entry.name, names);
        if (previous)
            await attempt(join(dir, entry.name), () => rm$1(join(dir, entry.name)));
    }
    // The previous run's notes: its annotators may not be this run's.
    const folder = join(dir, FEEDBACK_DIR);
    const notes = await readdir$1(folder, { withFileTypes: true }).catch(() => []);
    for (const entry of notes) {
        const note = entry.name.endsWith('.md') || PARTIAL.test(entry.name);
        if (entry.isFile() && note) {
            await attempt(join(folder, entry.name), () => rm$1(join(folder, entry.name)));
        }
    }
}
/** Writes `text` to a temporary file beside `path`, then renames it into place. */
async function writeFileInPlace(path, text) {
    const partial = partialPath(path);
    try {
        await attempt(path, () => writeFile$1(partial, text, 'utf8'));
        await attempt(path, () => rename$1(partial, path));
    }
    catch (error) {
        await rm$1(partial, { force: true }).catch(() => undefined);
        throw error;
    }
}
const PARTIAL = /^\.(.+)\.partial-\d+$/;
/** `dir/.report.json.partial-1234`: hidden, in the same folder (so a rename is one step). */
function partialPath(path) {
    return join(dirname$1(path), `.${basename(path)}.partial-${process.pid}`);
}
function isPartialName(name, reportNames) {
    const match = PARTIAL.exec(name);
    return match?.[1] !== undefined && reportNames.has(match[1]);
}
async function attempt(path, write) {
    try {
        return await write();
    }
    catch (error) {
        const { reason, fix } = meaningOf(error);
        throw new ReportWriteError(`Could not write ${path}: ${reason}. ${fix}`, path, {
            cause: error
        });
    }
}
const ELSEWHERE = 'Set output-dir to a folder this job can write';
const NO_SPACE = 'Free some disk space, or set output-dir to a folder on another disk';
/** What a failed file operation means, and what to do about it, by the system's error code. */
const MEANINGS = {
    EISDIR: {
        reason: 'a folder of that name is in the way',
        fix: 'Remove that folder, or set output-dir to another folder'
    },
    ENOTDIR: { reason: 'part of the path is a file, not a folder', fix: ELSEWHERE },
    EEXIST: { reason: 'a file of that name is in the way', fix: ELSEWHERE },
    EACCES: { reason: 'permission denied, this job may not write there', fix: ELSEWHERE },
    EPERM: { reason: 'permission denied, this job may not write there', fix: ELSEWHERE },
    EROFS: { reason: 'the file system is read-only', fix: ELSEWHERE },
    ENOSPC: { reason: 'the disk is full', fix: NO_SPACE },
    EDQUOT: { reason: 'the disk quota is used up', fix: NO_SPACE },
    ENOENT: {
        reason: 'the folder was removed while the run was writing',
        fix: 'Make sure nothing else removes output-dir during the run'
    },
    ENAMETOOLONG: { reason: 'the path is too long', fix: 'Set a shorter output-dir' },
    EMFILE: { reason: 'too many files are open', fix: 'Run again with a lower concurrency' },
    ENFILE: { reason: 'too many files are open', fix: 'Run again with a lower concurrency' },
    EIO: { reason: 'the disk reported an input/output error', fix: ELSEWHERE }
};
/** `a folder of that name is in the way (EISDIR)`: words first, the system's code kept. */
function whyNotWritten(error) {
    return meaningOf(error).reason;
}
function meaningOf(error) {
    const code = typeof error === 'object' && error !== null && 'code' in error
        ? String(error.code)
        : undefined;
    const meaning = code === undefined ? undefined : MEANINGS[code];
    if (meaning !== undefined)
        return { reason: `${meaning.reason} (${code})`, fix: meaning.fix };
    const text = error instanceof Error ? error.message : String(error);
    return { reason: `the system refused: ${text.split(/\r?\n/, 1)[0] ?? ''}`, fix: ELSEWHERE };
}

/**
 * Hands items on in input order although they are produced out of order: item i is delivered
 * once items 0 … i − 1 have been (an item may be null: nothing to deliver, but its turn passes).
 * Deliveries run one at a time, each awaited before the next starts.
 */
class InInputOrder {
    deliver;
    next = 0;
    waiting = new Map();
    chain = Promise.resolve();
    /** Resolvers of `handedOn` calls, by the index they wait for. */
    waiters = new Map();
    constructor(deliver) {
        this.deliver = deliver;
    }
    /** Item `index` is ready. */
    put(index, item) {
        this.waiting.set(index, item);
        while (this.waiting.has(this.next)) {
            const ready = this.waiting.get(this.next);
            this.waiting.delete(this.next);
            if (ready !== null) {
                this.chain = this.chain.then(() => this.deliver(ready));
                // Handled here: a failed delivery is reported by `settled()`, which may be called only
                // once every item is in, and must not crash the process as an unhandled rejection first.
                this.chain.catch(() => { });
            }
            for (const wake of this.waiters.get(this.next) ?? [])
                wake();
            this.waiters.delete(this.next);
            this.next += 1;
        }
    }
    /**
     * Resolves once item `index` has been put and every item before it: its delivery is queued.
     * At once for a negative index.
     */
    handedOn(index) {
        if (index < this.next)
            return Promise.resolve();
        return new Promise((resolve) => {
            const waiting = this.waiters.get(index);
            if (waiting === undefined)
                this.waiters.set(index, [resolve]);
            else
                waiting.push(resolve);
        });
    }
    /** Settles once everything delivered so far has been; rejects with a delivery's error. */
    settled() {
        return this.chain;
    }
}

/**
 * What preflight found: plain data, rendered by the CLI's table, the job summary and the
 * annotations. An error means the project cannot be scored as set up; a warning means it can, but
 * the scores may mislead or change later.
 */
/** The first error about the benchmark, if any: the run cannot go on. */
function benchmarkError(report) {
    return report.findings.find((finding) => finding.role === 'benchmark' && finding.severity === 'error');
}
function warningsOf(report) {
    return report.findings.filter((finding) => finding.severity === 'warning');
}

/**
 * How two ontology structures (docs/encord-api.md §8) differ, in words a lead can act on. Labels
 * refer to the ontology by feature hash, so two ontologies with different hashes still score
 * alike when every feature hash means the same thing in both: same kind, name and shape or type.
 * Each element is keyed by its feature hash and compared on what scoring reads.
 */
/** The differences of `other` from `reference`, one short phrase each; empty when they agree. */
function ontologyDifferences(reference, other) {
    const expected = features(reference);
    const found = features(other);
    const differences = [];
    for (const [hash, feature] of expected) {
        const counterpart = found.get(hash);
        if (counterpart === undefined)
            differences.push(`${feature.label} is missing`);
        else if (counterpart.signature !== feature.signature) {
            differences.push(`${feature.label} is ${counterpart.signature} here, ${feature.signature} in the benchmark`);
        }
    }
    for (const [hash, feature] of found) {
        if (!expected.has(hash))
            differences.push(`${feature.label} is extra`);
    }
    return differences;
}
/** Every element with a feature hash, depth first, as the SDK walks it. */
function features(structure) {
    const found = new Map();
    const add = (hash, feature) => {
        if (typeof hash === 'string' && !found.has(hash))
            found.set(hash, feature);
    };
    const root = asRecord(structure);
    for (const object of asArray(root.objects)) {
        const name = text$1(object.name);
        add(object.featureNodeHash, {
            label: `object ${quote$1(name)}`,
            signature: `a ${text$1(object.shape)} named ${quote$1(name)}`
        });
        walkAttributes(object.attributes, name, add);
    }
    for (const classification of asArray(root.classifications)) {
        const question = asArray(classification.attributes)[0];
        const name = text$1(question?.name);
        add(classification.featureNodeHash, {
            label: `classification ${quote$1(name)}`,
            signature: `a ${text$1(question?.type)} question ${quote$1(name)}`
        });
        walkAttributes(classification.attributes, name, add);
    }
    return found;
}
function walkAttributes(attributes, owner, add) {
    for (const attribute of asArray(attributes)) {
        const name = text$1(attribute.name);
        add(attribute.featureNodeHash, {
            label: `attribute ${quote$1(name)} of ${quote$1(owner)}`,
            signature: `a ${text$1(attribute.type)} attribute ${quote$1(name)}`
        });
        for (const option of asArray(attribute.options)) {
            const label = text$1(option.label);
            add(option.featureNodeHash, {
                label: `option ${quote$1(label)} of ${quote$1(name)}`,
                signature: `option ${quote$1(label)}`
            });
            // A radio option's nested attributes sit under a key also called `options`.
            walkAttributes(option.options, label, add);
        }
    }
}
function asRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value)
        ? value
        : {};
}
function asArray(value) {
    return Array.isArray(value) ? value.map(asRecord) : [];
}
function text$1(value) {
    return typeof value === 'string' ? value : '?';
}
function quote$1(name) {
    return JSON.stringify(name);
}

/** Differences listed in one message at most; the rest are counted. */
const LISTED = 5;
const ANNOTATING_ROLES = new Set([1, 3]);
function checkBenchmark(facts, stage) {
    const say = finder('benchmark', facts);
    const findings = [];
    const progress = progressOf(facts, stage);
    const missingStage = stageProblem(facts, stage);
    if (missingStage !== undefined)
        findings.push(say('error', missingStage));
    else if (progress.total === 0) {
        findings.push(say('error', 'has no tasks: attach the dataset and label it before scoring'));
    }
    else if (progress.completed < progress.total) {
        const share = Math.floor((100 * progress.completed) / progress.total);
        findings.push(say('warning', `is ${share} % complete: ${elsewhere(facts, stage)}; scores against an unfinished benchmark change when it is finished`));
    }
    return { progress, findings };
}
function checkTraining(facts, benchmark, stage) {
    const say = finder('training', facts);
    const findings = [];
    if (facts.ontologyHash !== benchmark.ontologyHash) {
        const differences = ontologyDifferences(benchmark.ontology, facts.ontology);
        if (differences.length > 0) {
            findings.push(say('error', `uses ontology ${facts.ontologyHash}, not the benchmark's ${benchmark.ontologyHash}: ${listed$1(differences)}; create the project with the benchmark's ontology`));
        }
    }
    const datasets = datasetProblem(facts.datasets, benchmark.datasets);
    if (datasets !== undefined)
        findings.push(say('error', datasets));
    const missingStage = stageProblem(facts, stage);
    if (missingStage !== undefined)
        findings.push(say('error', missingStage));
    const progress = progressOf(facts, stage);
    if (progress.annotators.length === 0) {
        findings.push(say('warning', 'has no annotator: invite one with the Annotator role (setup-training does)'));
    }
    return { progress, findings };
}
function progressOf(facts, stage) {
    let total = 0;
    for (const count of facts.tasksByStage.values())
        total += count;
    return {
        projectHash: facts.projectHash,
        projectTitle: facts.title,
        annotators: (facts.members ?? [])
            .filter((member) => ANNOTATING_ROLES.has(member.role))
            .map((member) => member.email),
        completed: facts.tasksByStage.get(stage) ?? 0,
        total
    };
}
function stageProblem(facts, stage) {
    if (facts.stages === null) {
        return `has no workflow, so no stage titled '${stage}': use a workflow project`;
    }
    if (facts.stages.some((candidate) => candidate.title === stage))
        return undefined;
    const titles = facts.stages.map((candidate) => `'${candidate.title}'`).join(', ');
    return `has no workflow stage titled '${stage}' (its stages: ${titles}); set workflow-stage or use the training workflow template`;
}
function datasetProblem(datasets, expected) {
    const name = (dataset) => `'${dataset.title}' (${dataset.datasetHash})`;
    const has = (list, hash) => list.some((dataset) => dataset.datasetHash === hash);
    const missing = expected.filter((dataset) => !has(datasets, dataset.datasetHash)).map(name);
    const extra = datasets.filter((dataset) => !has(expected, dataset.datasetHash)).map(name);
    if (missing.length === 0 && extra.length === 0)
        return undefined;
    const parts = [
        ...(missing.length > 0 ? [`missing ${listed$1(missing)}`] : []),
        ...(extra.length > 0 ? [`extra ${listed$1(extra)}`] : [])
    ];
    return `has other datasets than the benchmark: ${parts.join('; ')}; attach exactly the benchmark's datasets`;
}
/** `13 tasks are still in Annotate, 2 in Review`. */
function elsewhere(facts, stage) {
    const others = [...facts.tasksByStage]
        .filter(([title, count]) => title !== stage && count > 0)
        .sort((a, b) => b[1] - a[1])
        .map(([title, count]) => ({ title: title ?? 'no stage', count }));
    return others
        .map(({ title, count }, index) => index === 0
        ? `${count} task${count === 1 ? ' is' : 's are'} still in ${title}`
        : `${count} in ${title}`)
        .join(', ');
}
function listed$1(items) {
    const shown = items.slice(0, LISTED).join(', ');
    const more = items.length - LISTED;
    return more > 0 ? `${shown} and ${more} more` : shown;
}
function finder(role, facts) {
    return (severity, message) => ({
        severity,
        role,
        projectHash: facts.projectHash,
        projectTitle: facts.title,
        message: `The ${role} project '${facts.title}' (${facts.projectHash}) ${message}`
    });
}

async function runPreflight(client, benchmarkHash, trainingHashes, stage, onChecked = () => { }) {
    const findings = [];
    let benchmark;
    try {
        benchmark = await readFacts(client, benchmarkHash, false);
    }
    catch (error) {
        findings.push(unreadable('benchmark', benchmarkHash, error));
        return { stage, benchmark: null, training: [], findings };
    }
    const checked = checkBenchmark(benchmark, stage);
    findings.push(...checked.findings);
    const training = [];
    const reads = trainingHashes.map((hash) => {
        const read = readFacts(client, hash, true);
        read.then((facts) => onChecked(hash, checkTraining(facts, benchmark, stage).findings), (error) => onChecked(hash, [unreadable('training', hash, error)]));
        return read;
    });
    const results = await Promise.allSettled(reads);
    results.forEach((result, index) => {
        const hash = trainingHashes[index];
        if (result.status === 'rejected') {
            findings.push(unreadable('training', hash, result.reason));
            return;
        }
        const outcome = checkTraining(result.value, benchmark, stage);
        training.push(outcome.progress);
        findings.push(...outcome.findings);
    });
    return { stage, benchmark: checked.progress, training, findings };
}
async function readFacts(client, projectHash, withMembers) {
    const project = await client.getProject(projectHash);
    const [datasets, rows, members] = await Promise.all([
        client.listProjectDatasets(projectHash),
        client.listLabelRows(projectHash, null),
        withMembers ? client.listProjectUsers(projectHash) : Promise.resolve(null)
    ]);
    const tasksByStage = new Map();
    for (const row of rows)
        tasksByStage.set(row.stageTitle, (tasksByStage.get(row.stageTitle) ?? 0) + 1);
    return {
        projectHash,
        title: project.title,
        ontologyHash: project.ontologyHash,
        // The project carries its ontology's structure; comparing it needs no further request.
        ontology: project.editorOntology,
        datasets,
        stages: project.workflowStages,
        tasksByStage,
        members
    };
}
function unreadable(role, projectHash, error) {
    return {
        severity: 'error',
        role,
        projectHash,
        projectTitle: null,
        message: describeError(error)
    };
}

/**
 * Reads and checks the set-up: the requests only, nothing logged. The run starts this while the
 * benchmark loads and hands the report to `reportPreflight` in the log's preflight group.
 */
async function readPreflight(setup, onChecked) {
    const { source } = setup;
    const createClient = setup.createClient ?? defaultClientFactory(setup.version, setup.requestLimit);
    const client = createClient(source, setup.log, setup.signal);
    try {
        return await runPreflight(client, source.benchmarkProject, source.trainingProjects, setup.stage, onChecked);
    }
    finally {
        client.close();
    }
}
function startPreflight(setup) {
    const verdicts = new Map();
    const entry = (hash) => {
        let found = verdicts.get(hash);
        if (found === undefined) {
            let settle;
            const promise = new Promise((resolve) => (settle = resolve));
            found = { promise, settle };
            verdicts.set(hash, found);
        }
        return found;
    };
    const report = readPreflight(setup, (hash, findings) => entry(hash).settle(failureOf(findings, hash)));
    // Projects never checked (the benchmark's error ended preflight first) are stopped; settling
    // twice keeps the first verdict.
    const stopAll = () => {
        for (const hash of setup.source.trainingProjects)
            entry(hash).settle('stopped');
    };
    report.then((done) => {
        if (benchmarkError(done) !== undefined)
            return stopAll();
        for (const hash of setup.source.trainingProjects) {
            entry(hash).settle(failureOf(done.findings, hash));
        }
    }, stopAll);
    return { report, verdict: (hash) => entry(hash).promise };
}
/**
 * Says what preflight found: an error on the benchmark is thrown (the run stops there); warnings
 * and each training project's progress are logged.
 */
function reportPreflight(report, log) {
    const stop = benchmarkError(report);
    if (stop !== undefined) {
        throw new EvaluationError(`Preflight: ${stop.message}`, stop.projectHash);
    }
    for (const finding of warningsOf(report))
        log.warning(`Preflight: ${finding.message}`);
    for (const progress of report.training) {
        log.info(`Preflight: ${progress.projectTitle}: ${progress.completed}/${progress.total} tasks in '${report.stage}'`);
    }
    return report;
}
/** The failure of a training project that preflight found wrong, or null: it is not scored. */
/** The failure of a training project with preflight errors among `findings`, or null. */
function failureOf(findings, projectHash) {
    const errors = findings.filter((finding) => finding.role === 'training' &&
        finding.severity === 'error' &&
        finding.projectHash === projectHash);
    const [first] = errors;
    if (first === undefined)
        return null;
    return {
        projectHash,
        projectTitle: first.projectTitle,
        message: `Not scored (preflight): ${errors.map((error) => error.message).join('; ')}`
    };
}

/**
 * The benchmark audit: gold labels that are probably wrong, found from the training projects
 * alone. On each benchmark data unit that at least `minAnnotators` training projects completed
 * (`k` of them), with `q` the agreement share, a suspect is:
 *
 * 1. `spurious-object`: a benchmark object missed by at least q·k annotators;
 * 2. `wrong-class`: a benchmark object at least q·k annotators matched with the same other class
 *    (the class-agnostic pass of the matching);
 * 3. `missing-object`: a cluster of the annotators' unmatched objects drawn by at least q·k
 *    annotators (see `clusterExtras` for the rule);
 * 4. `wrong-attribute` / `wrong-classification`: an attribute of a matched pair, or a frame or
 *    global classification, answered the same different way by at least q·k annotators.
 *
 * A suspect found on several frames of the same benchmark object (same kind, same disagreement),
 * or the same classification answer on several frames, is one suspect listing its frames; its
 * count is the smallest over those frames. Each cluster of kind 3 is its own suspect. Pure: it reads the
 * projects' audit records (`audit-record.ts`) and returns data.
 */
const SUSPECT_KINDS = [
    'spurious-object',
    'wrong-class',
    'missing-object',
    'wrong-attribute',
    'wrong-classification'
];
/** The audit of a run scored with `encord-script`: not run, and why. */
function skippedAudit(settings) {
    return {
        status: 'skipped',
        settings,
        note: 'The audit reads the one-to-one matching; this run used encord-script, so it was not run.',
        unitsAudited: 0,
        suspects: [],
        excludedObjects: null
    };
}
function auditBenchmark(index, records, context) {
    const settings = {
        minAnnotators: context.minAnnotators,
        agreement: context.agreement,
        excludeSuspects: context.excludeSuspects
    };
    const completedBy = index.units.map((_, u) => records.filter((r) => r.completed[u] === 1));
    const audited = new Set();
    for (const [u, list] of completedBy.entries()) {
        if (list.length >= context.minAnnotators)
            audited.add(u);
    }
    const found = new SuspectList(index, context);
    const excluded = new Set();
    const enough = (count, k) => count > 0 && count >= context.agreement * k - 1e-9;
    // Kinds 1 and 2, and the attributes of kind 4: per benchmark object and frame.
    for (let o = 0; o < index.objectHash.length; o += 1) {
        const u = index.objectUnit[o];
        if (!audited.has(u))
            continue;
        const k = completedBy[u].length;
        let missed = 0;
        const otherClass = new Map();
        for (const record of completedBy[u]) {
            const outcome = record.outcome[o];
            if (outcome === OUTCOME.missed)
                missed += 1;
            if (outcome === OUTCOME.wrongClass) {
                const c = record.trainingClass[o];
                otherClass.set(c, (otherClass.get(c) ?? 0) + 1);
            }
        }
        const className = index.className[o];
        if (enough(missed, k)) {
            found.add(o, 'spurious-object', missed, k, className, 'missed', '');
            excluded.add(o);
        }
        for (const [c, count] of otherClass) {
            if (!enough(count, k))
                continue;
            const other = index.classes[c - 1]?.name ?? 'another class';
            found.add(o, 'wrong-class', count, k, className, other, String(c));
            excluded.add(o);
        }
    }
    // Kind 4, attributes: the same different answer on matched pairs.
    const answers = new Map();
    for (const record of records) {
        const seen = new Set();
        for (const item of record.attributes) {
            const key = `${item.object}\n${item.attributeHash}\n${item.trainingAnswer}`;
            if (seen.has(key))
                continue;
            seen.add(key);
            const entry = answers.get(key);
            if (entry)
                entry.count += 1;
            else
                answers.set(key, {
                    object: item.object,
                    count: 1,
                    gold: item.benchmarkAnswer,
                    given: item.trainingAnswer,
                    attribute: item.attribute
                });
        }
    }
    for (const [key, entry] of answers) {
        const u = index.objectUnit[entry.object];
        if (!audited.has(u))
            continue;
        const k = completedBy[u].length;
        if (!enough(entry.count, k))
            continue;
        found.add(entry.object, 'wrong-attribute', entry.count, k, index.className[entry.object], `${entry.attribute}: ${entry.given}`, key.slice(key.indexOf('\n') + 1), `${entry.attribute}: ${entry.gold}`);
    }
    // Kind 4, classifications: per unit, frame (or row) and classification.
    const given = new Map();
    for (const record of records) {
        for (const item of record.classifications) {
            const key = `${item.unit}\n${item.frame ?? 'row'}\n${item.featureHash}\n${item.trainingAnswer ?? ''}`;
            const entry = given.get(key);
            if (entry)
                entry.count += 1;
            else
                given.set(key, {
                    unit: item.unit,
                    frame: item.frame,
                    name: item.name,
                    count: 1,
                    gold: item.benchmarkAnswer,
                    answer: item.trainingAnswer,
                    feature: item.featureHash
                });
        }
    }
    for (const entry of given.values()) {
        if (!audited.has(entry.unit))
            continue;
        const k = completedBy[entry.unit].length;
        if (!enough(entry.count, k))
            continue;
        found.addUnit(entry.unit, entry.frame, {
            kind: 'wrong-classification',
            className: entry.name,
            disagreeing: entry.count,
            annotators: k,
            benchmarkSays: entry.gold === null ? '(not answered)' : `${entry.name}: ${entry.gold}`,
            annotatorsSay: entry.answer === null ? '(not answered)' : `${entry.name}: ${entry.answer}`,
            key: `${entry.feature}\n${entry.answer ?? ''}`
        });
    }
    // Kind 3: extras that agree with each other.
    const extrasByFrame = new Map();
    for (const record of records) {
        const mine = new Map();
        for (const extra of record.extras) {
            if (!audited.has(extra.unit))
                continue;
            const key = `${extra.unit}\n${extra.frame}`;
            let list = mine.get(key);
            if (!list)
                mine.set(key, (list = []));
            list.push(extra);
        }
        for (const [key, list] of mine) {
            let place = extrasByFrame.get(key);
            if (!place) {
                const first = list[0];
                extrasByFrame.set(key, (place = { unit: first.unit, frame: first.frame, lists: [] }));
            }
            place.lists.push(list);
        }
    }
    for (const place of extrasByFrame.values()) {
        const k = completedBy[place.unit].length;
        for (const cluster of clusterExtras(place.lists, context.iouThreshold)) {
            if (!enough(cluster.length, k))
                continue;
            const first = cluster[0];
            found.addUnit(place.unit, place.frame, {
                kind: 'missing-object',
                className: first.className,
                disagreeing: cluster.length,
                annotators: k,
                benchmarkSays: null,
                annotatorsSay: `drew a ${first.className}`,
                // One suspect per cluster: two missing objects of one class on a frame are two suspects.
                // Clusters on different frames are not known to be the same object, so they stay apart.
                key: `${first.featureHash}\n${place.frame}\n${first.objectHash}`
            });
        }
    }
    const suspects = found.list();
    return {
        audit: {
            status: 'audited',
            settings,
            note: audited.size === 0
                ? `No benchmark data unit was completed by ${context.minAnnotators} or more training projects (audit-min-annotators), so nothing could be flagged.`
                : null,
            unitsAudited: audited.size,
            suspects,
            excludedObjects: context.excludeSuspects ? excluded.size : null
        },
        excluded
    };
}
/**
 * Clusters one frame's extras, one list per annotator, greedily: annotators in input order, each
 * annotator's extras in object-hash order; an extra joins the cluster of its class that has no
 * object of its annotator yet and whose every member it overlaps with similarity ≥ `threshold`
 * (the one with the highest mean similarity; the earliest on a tie), or starts a new cluster.
 * So a cluster holds at most one object per annotator and only objects that all agree pairwise.
 */
function clusterExtras(lists, threshold) {
    const clusters = [];
    for (const [annotator, list] of lists.entries()) {
        const sorted = [...list].sort((a, b) => a.objectHash < b.objectHash ? -1 : a.objectHash > b.objectHash ? 1 : 0);
        for (const extra of sorted) {
            const size = extra.size ?? undefined;
            const reach = boundsOf(extra.geometry, size);
            let best = null;
            let bestMean = -1;
            for (const cluster of clusters) {
                if (cluster.annotators.has(annotator))
                    continue;
                if (cluster.members[0].featureHash !== extra.featureHash)
                    continue;
                let total = 0;
                let agrees = true;
                for (const member of cluster.members) {
                    // As the matcher does: shapes whose reaches are apart score 0, and a pair whose cheap
                    // upper bound is under the threshold cannot agree; either way the exact similarity
                    // (polyline buffers, polygon clipping: most of the audit's time) is not needed.
                    if (!boundsOverlap(boundsOf(member.geometry, size), reach) ||
                        similarityBound(member.geometry, extra.geometry, size) < threshold) {
                        agrees = false;
                        break;
                    }
                    const value = similarity(member.geometry, extra.geometry, size);
                    if (!(value > 0 && value >= threshold)) {
                        agrees = false;
                        break;
                    }
                    total += value;
                }
                const mean = total / cluster.members.length;
                if (agrees && mean > bestMean) {
                    best = cluster;
                    bestMean = mean;
                }
            }
            if (best === null)
                clusters.push({ members: [extra], annotators: new Set([annotator]) });
            else {
                best.members.push(extra);
                best.annotators.add(annotator);
            }
        }
    }
    return clusters.map((cluster) => cluster.members);
}
/** Suspects merged over the frames of one object (or, without one, of one unit and disagreement). */
class SuspectList {
    index;
    context;
    byKey = new Map();
    constructor(index, context) {
        this.index = index;
        this.context = context;
    }
    add(object, kind, disagreeing, annotators, className, annotatorsSay, key, benchmarkSays = className) {
        const unit = this.index.objectUnit[object];
        this.merge(`${kind}\n${unit}\n${this.index.objectHash[object]}\n${key}`, unit, this.index.objectFrame[object], {
            kind,
            className,
            disagreeing,
            annotators,
            benchmarkSays,
            annotatorsSay,
            key
        }, this.index.objectHash[object]);
    }
    addUnit(unit, frame, found) {
        this.merge(`${found.kind}\n${unit}\n\n${found.key}`, unit, frame, found, null);
    }
    list() {
        const order = (kind) => SUSPECT_KINDS.indexOf(kind);
        return [...this.byKey.values()].sort((a, b) => order(a.kind) - order(b.kind) ||
            b.disagreeing / b.annotators - a.disagreeing / a.annotators ||
            compare(a.dataTitle, b.dataTitle) ||
            (a.frames[0] ?? -1) - (b.frames[0] ?? -1) ||
            compare(a.className, b.className) ||
            compare(a.annotatorsSay, b.annotatorsSay));
    }
    merge(key, unit, frame, found, benchmarkObject) {
        const existing = this.byKey.get(key);
        if (existing) {
            if (frame !== null && !existing.frames.includes(frame)) {
                existing.frames.push(frame);
                existing.frames.sort((a, b) => a - b);
            }
            existing.disagreeing = Math.min(existing.disagreeing, found.disagreeing);
            existing.annotators = Math.max(existing.annotators, found.annotators);
            return;
        }
        const dataHash = this.index.units[unit];
        this.byKey.set(key, {
            kind: found.kind,
            dataHash,
            dataTitle: this.index.unitTitles[unit] ?? dataHash,
            frames: frame === null ? [] : [frame],
            className: found.className,
            benchmarkObject,
            annotators: found.annotators,
            disagreeing: found.disagreeing,
            benchmarkSays: found.benchmarkSays,
            annotatorsSay: found.annotatorsSay,
            link: this.linkTo(dataHash, frame ?? 0)
        });
    }
    linkTo(dataHash, frame) {
        const { editorOrigin, benchmarkId } = this.context;
        const project = projectHashForLinks(benchmarkId);
        if (editorOrigin === null || project === null)
            return null;
        return labelEditorUrl(editorOrigin, project, dataHash, frame);
    }
}
function compare(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}
/**
 * A project's result without the excluded benchmark objects (kinds 1 and 2): each excluded
 * object-frame is taken out of its class's tally as evaluation counted it (benchmark object, true
 * positive / wrong class / miss, similarity, attribute comparisons) and, when it was paired, the
 * training object paired with it is taken out too (neither credit nor blame). Overall and per-class
 * scores are recomputed from the tallies; intervals are recomputed from the per-unit tallies when
 * the record kept them. Worst items and feedback notes stay as scored.
 */
function withoutExcluded(result, record, index, excluded, intervals) {
    const byClass = new Map(result.perClass.map((c) => [c.featureHash, tallyOf(c)]));
    const units = record.unitTallies ? copyUnitTallies(record.unitTallies) : null;
    const scoredUnits = index.units.filter((_, u) => record.completed[u] === 1);
    const unitNumber = new Map(scoredUnits.map((hash, i) => [hash, i]));
    let left = 0;
    for (const o of excluded) {
        const outcome = record.outcome[o];
        if (outcome === OUTCOME.notScored)
            continue;
        const gold = index.featureHash[o];
        const trainingClass = record.trainingClass[o];
        const given = trainingClass > 0 ? index.classes[trainingClass - 1]?.featureHash : undefined;
        const changes = [[gold, 'benchmarkObjects', -1]];
        if (outcome === OUTCOME.missed)
            changes.push([gold, 'missed', -1]);
        else {
            changes.push([gold, outcome === OUTCOME.matched ? 'truePositives' : 'wrongClass', -1]);
            changes.push([gold, 'iouSum', -record.similarity[o]]);
            changes.push([gold, 'attributesAgreeing', -record.attributesAgreeing[o]]);
            changes.push([gold, 'attributesCompared', -record.attributesCompared[o]]);
            if (given !== undefined)
                changes.push([given, 'trainingObjects', -1]);
        }
        const unit = unitNumber.get(index.units[index.objectUnit[o]]);
        for (const [feature, field, amount] of changes) {
            const tally = byClass.get(feature);
            if (tally)
                tally[field] += amount;
            if (units && unit !== undefined)
                addToUnit(units, unit, feature, field, amount);
        }
        left += 1;
    }
    if (left === 0)
        return { result, left };
    const method = result.method;
    const perClass = result.perClass.map((c) => ({
        featureHash: c.featureHash,
        className: c.className,
        ...metricsOf(byClass.get(c.featureHash) ?? tallyOf(c), method)
    }));
    const overall = metricsOf(addTallies(...perClass.map(tallyOf)), method);
    const recomputed = units !== null && intervals !== null && intervals.samples > 0
        ? bootstrapIntervals(units, method, intervals, bootstrapSeed(intervals.benchmarkHash, result.projectHash))
        : result.intervals;
    return { result: { ...result, overall, perClass, intervals: recomputed }, left };
}
function tallyOf(metrics) {
    const tally = {};
    for (const field of TALLY_FIELDS)
        tally[field] = metrics[field];
    return tally;
}
function copyUnitTallies(units) {
    return {
        classes: [...units.classes],
        units: units.units,
        entryStart: Uint32Array.from(units.entryStart),
        entryClass: Uint32Array.from(units.entryClass),
        values: Float64Array.from(units.values)
    };
}
function addToUnit(units, unit, featureHash, field, amount) {
    const c = units.classes.indexOf(featureHash);
    if (c < 0)
        return;
    const start = units.entryStart[unit];
    const end = units.entryStart[unit + 1];
    for (let e = start; e < end; e += 1) {
        if (units.entryClass[e] !== c)
            continue;
        const at = e * TALLY_FIELDS.length + TALLY_FIELDS.indexOf(field);
        units.values[at] = units.values[at] + amount;
        return;
    }
}

function isEvaluated(standing) {
    return standing.status === 'evaluated';
}
/** One standing per training project, in input order. */
function standings(result) {
    const verdicts = new Map(result.gate.verdicts.map((verdict) => [verdict.projectHash, verdict]));
    return result.projects.map((outcome) => {
        if (outcome.status === 'failed')
            return { status: 'failed', failure: outcome.failure };
        const { evaluation } = outcome;
        const verdict = verdicts.get(evaluation.projectHash);
        if (verdict === undefined)
            throw new Error(`The gate has no verdict for ${evaluation.projectHash}`);
        return {
            status: 'evaluated',
            evaluation,
            verdict: verdict.verdict,
            passed: verdict.verdict === 'pass',
            dataUnits: verdict.dataUnits,
            benchmarkObjects: verdict.benchmarkObjects,
            checks: verdict.checks
        };
    });
}
/** The thresholds that are set, in metric order. */
function thresholdsSet(result) {
    return GATE_METRICS.flatMap((metric) => {
        const threshold = result.settings.thresholds[metric];
        return threshold === undefined ? [] : [[metric, threshold]];
    });
}
function verdictOf(result, all = standings(result)) {
    const evaluated = all.filter(isEvaluated);
    const count = (verdict) => evaluated.filter((standing) => standing.verdict === verdict).length;
    const missed = new Set(result.gate.failures.map((failure) => failure.metric));
    return {
        passed: result.gate.passed,
        total: all.length,
        evaluated: evaluated.length,
        passedAnnotators: count('pass'),
        failedAnnotators: count('fail'),
        inconclusiveAnnotators: count('inconclusive'),
        insufficientAnnotators: count('insufficient-evidence'),
        stepFails: result.gate.stepFails,
        notEvaluated: all.length - evaluated.length,
        missedThresholds: GATE_METRICS.filter((metric) => missed.has(metric)).map(thresholdInput),
        thresholdsSet: thresholdsSet(result).length > 0
    };
}

const SCORE_DECIMALS = 3;
const MISSING = '—';
function formatScore(value) {
    return value === null || !Number.isFinite(value) ? MISSING : value.toFixed(SCORE_DECIMALS);
}
/**
 * A confidence interval in brackets, `(0.781–0.893)`; `(—)` when it is undefined (too few
 * resamples define the score).
 */
function formatInterval(interval) {
    return interval === null
        ? `(${MISSING})`
        : `(${formatScore(interval.low)}–${formatScore(interval.high)})`;
}
/** A metric's value as its format says (see `METRICS`). */
function formatMetric(format, value) {
    switch (format) {
        case 'fraction':
            return formatScore(value);
        case 'count':
            return value === null || !Number.isFinite(value) ? MISSING : String(value);
    }
}
const MAX_DECIMALS = 10;
/** A threshold as given: three decimals, more if it has them (0.8125 is not rounded to 0.813). */
function formatThreshold(threshold) {
    return threshold.toFixed(thresholdDecimals(threshold));
}
function thresholdDecimals(threshold) {
    let decimals = SCORE_DECIMALS;
    while (decimals < MAX_DECIMALS && Number(threshold.toFixed(decimals)) !== threshold)
        decimals++;
    return decimals;
}
/**
 * A score next to its threshold, with enough decimals that the two never print the same unless
 * they are equal: 0.7996 against 0.8 must not read `0.800 < 0.800`.
 */
function formatAgainstThreshold(actual, threshold) {
    let decimals = thresholdDecimals(threshold);
    if (actual === null || !Number.isFinite(actual)) {
        return { actual: MISSING, threshold: threshold.toFixed(decimals) };
    }
    while (decimals < MAX_DECIMALS &&
        actual !== threshold &&
        actual.toFixed(decimals) === threshold.toFixed(decimals)) {
        decimals++;
    }
    return { actual: actual.toFixed(decimals), threshold: threshold.toFixed(decimals) };
}
function formatRatio(part, whole, unit) {
    return `${part}/${whole} ${unit}`;
}
/** `1 annotator`, `3 annotators`. */
function plural$1(count, singular, pluralForm = `${singular}s`) {
    return `${count} ${count === 1 ? singular : pluralForm}`;
}
/** A confidence level as a percentage: 0.95 → `95 %`; 0.995 → `99.5 %`. */
function confidencePercent(level) {
    return `${Number((level * 100).toPrecision(10))} %`;
}

/**
 * The verdict without decoration: a headline and at most one more line.
 * e.g. `1 of 3 annotators failed (min-mean-iou)` / `1 of 4 training projects could not be evaluated`.
 */
function verdictText(verdict) {
    const notEvaluated = verdict.notEvaluated > 0
        ? `${verdict.notEvaluated} of ${verdict.total} training ${verdict.total === 1 ? 'project' : 'projects'} could not be evaluated`
        : null;
    const unsettled = unsettledText(verdict);
    const details = (...lines) => {
        const shown = lines.filter((line) => line !== null);
        return shown.length === 0 ? null : shown.join('; ');
    };
    if (verdict.failedAnnotators > 0) {
        const which = verdict.missedThresholds.length > 0 ? ` (${verdict.missedThresholds.join(', ')})` : '';
        return {
            headline: `${verdict.failedAnnotators} of ${annotators(verdict.evaluated)} failed${which}`,
            detail: details(unsettled, notEvaluated)
        };
    }
    if (notEvaluated !== null) {
        const passed = verdict.evaluated > 0
            ? `${verdict.passedAnnotators} of ${verdict.evaluated} evaluated ${verdict.evaluated === 1 ? 'annotator' : 'annotators'} passed`
            : null;
        return { headline: notEvaluated, detail: details(passed, unsettled) };
    }
    if (verdict.evaluated === 0)
        return { headline: 'No training project was evaluated', detail: null };
    if (unsettled !== null) {
        return {
            headline: `${verdict.passedAnnotators} of ${annotators(verdict.evaluated)} passed, ${unsettled}`,
            detail: null
        };
    }
    return {
        headline: `${verdict.passedAnnotators} of ${annotators(verdict.evaluated)} passed`,
        detail: verdict.thresholdsSet ? null : 'No thresholds are set, so every annotator passes'
    };
}
/** `1 inconclusive, 2 with insufficient evidence`, or null when every verdict is clear. */
function unsettledText(verdict) {
    const parts = [
        verdict.inconclusiveAnnotators > 0 ? `${verdict.inconclusiveAnnotators} inconclusive` : null,
        verdict.insufficientAnnotators > 0
            ? `${verdict.insufficientAnnotators} with insufficient evidence`
            : null
    ].filter((part) => part !== null);
    return parts.length === 0 ? null : parts.join(', ');
}
function annotators(count) {
    return `${count} ${count === 1 ? 'annotator' : 'annotators'}`;
}

/**
 * Pieces the job summary and the PR comment share: the verdict heading, the settings line, links
 * and the notice shown when something had to be left out.
 */
/** `### ✅ 3 of 3 annotators passed`, then the second line of the verdict if there is one. */
function verdictMarkdown(verdict) {
    const { headline, detail } = verdictText(verdict);
    // ⚠️: nobody failed, but not everyone passed either (inconclusive or too little evidence).
    const mark = verdict.passed ? '✅' : verdict.stepFails ? '❌' : '⚠️';
    return `### ${mark} ${headline}\n\n${detail === null ? '' : `${detail}.\n\n`}`;
}
/** What produced these numbers, in one small line. User strings are escaped. */
function settingsLine$1(result) {
    const { settings, benchmark, tool } = result;
    const thresholds = thresholdsSet(result).map(([metric, threshold]) => `${thresholdInput(metric)} ${formatThreshold(threshold)}`);
    const parts = [
        `Method: ${settings.method}`,
        ...(settings.method === 'one-to-one' ? [`IoU threshold: ${settings.iouThreshold}`] : []),
        `Workflow stage: ${escapeMarkdown$1(settings.workflowStage, 80)}`,
        `Benchmark: ${escapeMarkdown$1(benchmark.title, 80)} (${plural$1(benchmark.rows, 'data unit')})`,
        `Thresholds: ${thresholds.length === 0 ? 'none' : thresholds.join(', ')}`,
        ...(thresholds.length === 0 ? [] : gateSettings(result)),
        intervalSettings(result),
        `${escapeMarkdown$1(tool.name, 60)} ${escapeMarkdown$1(tool.version, 40)}`
    ];
    return `<sub>${parts.join(' · ')}</sub>\n\n`;
}
/** `Gate on: interval`, `On inconclusive: warn`, `Min data units: 10`. */
function gateSettings(result) {
    const { settings } = result;
    return [
        `Gate on: ${settings.gateOn}`,
        `On inconclusive: ${settings.onInconclusive}`,
        `Min data units: ${settings.minDataUnits}`
    ];
}
/** `Intervals: 95 %, cluster bootstrap of 2000 resamples over data units`, or `Intervals: off`. */
function intervalSettings(result) {
    const { bootstrapSamples, confidenceLevel } = result.settings;
    if (bootstrapSamples === 0)
        return 'Intervals: off';
    return `Intervals: ${confidencePercent(confidenceLevel)}, cluster bootstrap of ${bootstrapSamples} resamples over data units`;
}
/** Only http(s) URLs are linked, percent-encoding what could end a markdown link early. */
function safeUrl(url) {
    if (url === undefined)
        return null;
    let parsed;
    try {
        parsed = new URL(url);
    }
    catch {
        return null;
    }
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
        return null;
    return parsed.href.replace(/[()<>"' ]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}
function artifactLink(artifactUrl) {
    const url = safeUrl(artifactUrl);
    return url === null ? null : `[${REPORT_FILE_NAMES.csv} and ${REPORT_FILE_NAMES.report}](${url})`;
}
/** Where to find everything, for the notice when the artifact link is unknown. */
function filesInWords() {
    return `\`${REPORT_FILE_NAMES.csv}\` and \`${REPORT_FILE_NAMES.report}\` (the run's artifact, or the output directory)`;
}
const NOTHING_OMITTED = {
    tableRows: 0,
    tableFailedOnly: false,
    failures: 0,
    details: 0,
    worstItems: 0
};
function anythingOmitted(omissions) {
    return (omissions.tableRows + omissions.failures + omissions.details + omissions.worstItems > 0 ||
        omissions.tableFailedOnly);
}
/**
 * `> ⚠️ **Shortened to stay under GitHub's 1 MiB limit:** … Everything is in …`. `where` says
 * where the full results are (already markdown).
 */
function omissionNotice(limit, omissions, where) {
    const left = [];
    if (omissions.tableFailedOnly)
        left.push('the table lists only annotators who failed');
    if (omissions.tableRows > 0) {
        left.push(`${plural$1(omissions.tableRows, 'annotator')} left out of the table`);
    }
    if (omissions.failures > 0) {
        left.push(`${plural$1(omissions.failures, 'unevaluated project')} not listed`);
    }
    if (omissions.details > 0) {
        left.push(`details of ${plural$1(omissions.details, 'annotator')} left out`);
    }
    if (omissions.worstItems > 0) {
        left.push(`worst items of ${plural$1(omissions.worstItems, 'annotator')} left out`);
    }
    return `> ⚠️ **Shortened to stay under GitHub's ${limit} limit:** ${left.join('; ')}. ${where}\n\n`;
}

const ALIGN_MARKER = { left: ':--', right: '--:', center: ':-:' };
function tableHead(columns) {
    const header = tableRow(columns.map((column) => column.header));
    const separator = tableRow(columns.map((column) => ALIGN_MARKER[column.align ?? 'left']));
    return `${header}${separator}`;
}
/** One row, ending with a line break. */
function tableRow(cells) {
    return `| ${cells.join(' | ')} |\n`;
}
function table(columns, rows) {
    return tableHead(columns) + rows.map(tableRow).join('');
}

const AUDIT_CSV_COLUMNS = [
    'kind',
    'data_unit_name',
    'data_hash',
    'frames',
    'class',
    'benchmark_object_hash',
    'annotators',
    'disagreeing',
    'benchmark_says',
    'annotators_say',
    'benchmark_url'
];
/** What each kind means, in words a reviewer reads. */
const SUSPECT_KIND_TEXT = {
    'spurious-object': 'gold object possibly spurious or ambiguous',
    'wrong-class': 'gold class possibly wrong',
    'missing-object': 'gold possibly missing an object',
    'wrong-attribute': 'gold attribute possibly wrong',
    'wrong-classification': 'gold classification possibly wrong'
};
/** Suspects shown in the job summary; the CSV has them all. */
const AUDIT_SUMMARY_ROWS = 25;
function renderAuditCsv(audit) {
    const records = (audit?.suspects ?? []).map((suspect) => [
        suspect.kind,
        text(suspect.dataTitle),
        text(suspect.dataHash),
        suspect.frames.join(' '),
        text(suspect.className),
        text(suspect.benchmarkObject),
        String(suspect.annotators),
        String(suspect.disagreeing),
        text(suspect.benchmarkSays),
        text(suspect.annotatorsSay),
        text(suspect.link)
    ]);
    return stringifyRecords([[...AUDIT_CSV_COLUMNS], ...records]);
}
/** The heading line, e.g. `Benchmark audit: 3 suspects`. */
function auditHeadline(audit) {
    if (audit.status === 'skipped')
        return 'Benchmark audit: skipped';
    const n = audit.suspects.length;
    return `Benchmark audit: ${n} suspect${n === 1 ? '' : 's'}`;
}
/** What the audit did to the scores, or null when it changed none. */
function exclusionSentence(audit) {
    if (audit.excludedObjects === null)
        return null;
    const n = audit.excludedObjects;
    return n === 0
        ? 'exclude-suspects is on, but no benchmark object was left out.'
        : `exclude-suspects is on: ${n} benchmark object${n === 1 ? '' : 's'} (counted per frame) of the possibly spurious or wrong-class suspects ${n === 1 ? 'was' : 'were'} left out of every annotator's scores.`;
}
/** The markdown section for the job summary (empty when the run has no audit). */
function renderAuditSection(audit) {
    if (audit === undefined)
        return '';
    const lines = [`#### ${auditHeadline(audit)}\n\n`];
    if (audit.note !== null)
        lines.push(`${escapeMarkdown$1(audit.note, 500)}\n\n`);
    if (audit.status === 'audited') {
        const { minAnnotators, agreement } = audit.settings;
        lines.push(`Gold labels that most of the annotators who completed a unit disagree with in the same way (at least ${Math.round(agreement * 100)} % of them, on ${audit.unitsAudited} data unit${audit.unitsAudited === 1 ? '' : 's'} completed by ${minAnnotators} or more). Worth a look by the expert: a suspect is evidence, not proof.\n\n`);
    }
    const excluded = exclusionSentence(audit);
    lines.push(excluded === null ? 'Scores are unchanged by the audit.\n\n' : `**${excluded}**\n\n`);
    if (audit.suspects.length > 0) {
        const shown = audit.suspects.slice(0, AUDIT_SUMMARY_ROWS);
        lines.push(table([
            { header: 'Suspect' },
            { header: 'Data unit' },
            { header: 'Frame' },
            { header: 'Benchmark' },
            { header: 'Annotators', align: 'right' },
            { header: 'They say' }
        ], shown.map(summaryRow)));
        const rest = audit.suspects.length - shown.length;
        lines.push(rest > 0
            ? `\n${rest} more in \`${AUDIT_FILE_NAME}\`.\n\n`
            : `\nEvery suspect is in \`${AUDIT_FILE_NAME}\`.\n\n`);
    }
    return lines.join('');
}
/** The PR comment's one line. */
function auditCommentLine(audit) {
    if (audit === undefined)
        return '';
    if (audit.status === 'skipped')
        return `🔎 ${auditHeadline(audit)} (encord-script).\n`;
    const excluded = audit.excludedObjects;
    const tail = audit.suspects.length === 0
        ? ''
        : ` — see \`${AUDIT_FILE_NAME}\`${excluded ? `; ${excluded} left out of the scores` : ''}`;
    return `🔎 ${auditHeadline(audit)}${tail}.\n`;
}
/** Plain text for the terminal: headline, note, and the first suspects. */
function renderAuditTerminal(audit, rows = 10) {
    if (audit === undefined)
        return '';
    const lines = [auditHeadline(audit)];
    if (audit.note !== null)
        lines.push(`  ${audit.note}`);
    const excluded = exclusionSentence(audit);
    if (excluded !== null)
        lines.push(`  ${excluded}`);
    for (const suspect of audit.suspects.slice(0, rows)) {
        lines.push(`  ${SUSPECT_KIND_TEXT[suspect.kind]}: ${suspect.dataTitle} ${framesText(suspect)}, ${suspect.benchmarkSays ?? '(nothing)'} → ${suspect.annotatorsSay} (${suspect.disagreeing} of ${suspect.annotators})`);
    }
    if (audit.suspects.length > rows) {
        lines.push(`  … ${audit.suspects.length - rows} more in ${AUDIT_FILE_NAME}`);
    }
    return lines.join('\n');
}
function summaryRow(suspect) {
    const url = safeUrl(suspect.link ?? undefined);
    const unit = escapeMarkdown$1(suspect.dataTitle, 80);
    return [
        escapeMarkdown$1(SUSPECT_KIND_TEXT[suspect.kind]),
        url === null ? unit : `[${unit}](${url})`,
        framesText(suspect),
        escapeMarkdown$1(suspect.benchmarkSays ?? '(nothing)', 80),
        `${suspect.disagreeing} of ${suspect.annotators}`,
        escapeMarkdown$1(suspect.annotatorsSay, 80)
    ];
}
function framesText(suspect) {
    const { frames } = suspect;
    if (frames.length === 0)
        return 'whole unit';
    const first = frames[0];
    const last = frames[frames.length - 1];
    if (frames.length === 1)
        return `frame ${first}`;
    return last - first + 1 === frames.length
        ? `frames ${first}–${last}`
        : `frames ${frames.join(', ')}`;
}
function text(value) {
    return value === null ? '' : neutraliseFormula(value);
}

const SIGNS = {
    'higher-is-better': { met: ['≥', '>='], missed: '<' },
    'lower-is-better': { met: ['≤', '<='], missed: '>' }
};
function comparisonSign(direction, met, ascii = false) {
    const signs = SIGNS[direction];
    return met ? signs.met[ascii ? 1 : 0] : signs.missed;
}

const VERDICT_MARK = {
    pass: '✅',
    fail: '❌',
    inconclusive: '⚠️',
    'insufficient-evidence': '❔'
};
const CHECK_MARK = {
    pass: VERDICT_MARK.pass,
    fail: VERDICT_MARK.fail,
    inconclusive: VERDICT_MARK.inconclusive
};
/** The terminal's words, ASCII so that columns line up everywhere. */
const VERDICT_WORD = {
    pass: 'PASS',
    fail: 'FAIL',
    inconclusive: 'INCONCLUSIVE',
    'insufficient-evidence': 'INSUFFICIENT'
};
/** In sentences and the legend: `insufficient evidence`. */
const VERDICT_PHRASE = {
    pass: 'pass',
    fail: 'fail',
    inconclusive: 'inconclusive',
    'insufficient-evidence': 'insufficient evidence'
};
/** `0.842 (0.781–0.893)`; the score alone when intervals are off (`intervals` false). */
function scoreWithInterval(value, interval, intervals) {
    if (!intervals || value === null)
        return formatScore(value);
    return `${formatScore(value)} ${formatInterval(interval)}`;
}
/** `0.781–0.893`, for a threshold check gated on the interval. */
function intervalRange(interval, separator = '–') {
    return interval === null
        ? formatScore(null)
        : `${formatScore(interval.low)}${separator}${formatScore(interval.high)}`;
}

/**
 * The markdown table with one row per evaluated annotator (training project): scores, coverage
 * and a pass or fail mark for each threshold that is set. Shared by the job summary and the PR
 * comment.
 *
 * When the whole table does not fit the size budget, it keeps the annotators who failed (they are
 * what a reviewer acts on) and leaves out those who passed; if even those do not fit, the table is
 * cut. The caller says so in its notice.
 */
function annotatorTable(result, all, budget) {
    const evaluated = all.filter(isEvaluated);
    const none = { text: '', shown: 0, omitted: evaluated.length, failedOnly: false };
    if (evaluated.length === 0)
        return none;
    const head = tableHead(annotatorColumns(result));
    const rows = evaluated.map((standing) => tableRow(annotatorCells(result, standing)));
    const total = budget.measure(head) + rows.reduce((sum, row) => sum + budget.measure(row), 0);
    if (total <= budget.remaining) {
        budget.take(head + rows.join(''));
        return { text: head + rows.join(''), shown: rows.length, omitted: 0, failedOnly: false };
    }
    if (!budget.take(head))
        return none;
    let text = head;
    let shown = 0;
    for (const [index, standing] of evaluated.entries()) {
        if (standing.passed)
            continue;
        const row = rows[index] ?? '';
        if (!budget.take(row))
            break;
        text += row;
        shown++;
    }
    return { text, shown, omitted: evaluated.length - shown, failedOnly: true };
}
function annotatorColumns(result) {
    return [
        { header: 'Result', align: 'center' },
        { header: 'Annotator' },
        { header: 'Training project' },
        ...metricsShownIn(result).map((metric) => ({
            header: labelsUnder(metric, result.settings.method).label,
            align: 'right'
        })),
        { header: 'Evidence', align: 'right' },
        ...thresholdsSet(result).map(([metric]) => ({
            header: thresholdInput(metric),
            align: 'right'
        }))
    ];
}
function annotatorCells(result, standing) {
    const { evaluation } = standing;
    // Gated scores show their interval here; the others only in the per-annotator details, so the
    // table stays readable.
    const gated = new Set(standing.checks.map((check) => check.metric));
    const intervals = evaluation.intervals;
    return [
        VERDICT_MARK[standing.verdict],
        annotatorName(evaluation.annotator),
        escapeMarkdown$1(evaluation.projectTitle),
        ...metricsShownIn(result).map((metric) => gated.has(metric.name)
            ? scoreWithInterval(scoreOf(evaluation.overall, metric.name), intervals?.overall[metric.name] ?? null, intervals !== null)
            : formatMetric(metric.format, scoreOf(evaluation.overall, metric.name))),
        evidenceCell(standing),
        ...standing.checks.map((check) => thresholdCell(check, result.settings.gateOn))
    ];
}
/** What the verdict rests on: `48/50 units · 412 objects`. */
function evidenceCell(standing) {
    const units = formatRatio(standing.dataUnits, standing.evaluation.coverage.benchmarkRows, 'units');
    return `${units} · ${plural$1(standing.benchmarkObjects, 'object')}`;
}
function annotatorName(annotator) {
    return annotator === null ? MISSING : escapeMarkdown$1(annotator);
}
/**
 * Gated on the estimate: `✅ 0.820 ≥ 0.800` or `❌ 0.610 < 0.800`, with `(borderline)` when the
 * interval straddles the threshold. Gated on the interval: `✅ 0.810–0.870 ≥ 0.800`,
 * `❌ 0.610–0.720 < 0.800` or `⚠️ 0.760–0.850 straddles 0.800`.
 */
function thresholdCell(check, gateOn = 'estimate') {
    const { actual, threshold } = formatAgainstThreshold(check.actual, check.threshold);
    const mark = CHECK_MARK[check.outcome];
    if (check.actual === null)
        return `${mark} ${actual}`;
    if (gateOn === 'interval') {
        const range = intervalRange(check.interval);
        if (check.outcome === 'inconclusive')
            return `${mark} ${range} straddles ${threshold}`;
        const sign = comparisonSign(metricFacts(check.metric).direction, check.passed);
        return `${mark} ${range} ${sign} ${threshold}`;
    }
    const sign = comparisonSign(metricFacts(check.metric).direction, check.passed);
    return `${mark} ${actual} ${sign} ${threshold}${check.borderline ? ' (borderline)' : ''}`;
}

const utf8Bytes = (text) => Buffer.byteLength(text, 'utf8');
/** UTF-16 code units: never fewer than the characters GitHub counts, so a safe measure. */
const utf16Units = (text) => text.length;
class Budget {
    limit;
    measure;
    used = 0;
    constructor(limit, measure) {
        this.limit = limit;
        this.measure = measure;
    }
    get remaining() {
        return this.limit - this.used;
    }
    /** Takes room for `text` and returns true if it fits; otherwise takes nothing. */
    take(text) {
        return this.takeSize(this.measure(text));
    }
    /** Takes `size` more if it fits, e.g. to grow something already taken. */
    takeSize(size) {
        if (size > this.remaining)
            return false;
        this.used += size;
        return true;
    }
    /** Takes room for text that must be shown whatever its size (the verdict, the notice). */
    reserve(text) {
        this.used += this.measure(text);
    }
}

const FAILURES_HEADING = '**Could not be evaluated**\n\n';
function failureList(failures, budget) {
    if (failures.length === 0)
        return { text: '', omitted: 0 };
    if (!budget.take(FAILURES_HEADING))
        return { text: '', omitted: failures.length };
    let text = FAILURES_HEADING;
    let shown = 0;
    for (const failure of failures) {
        const item = failureItem(failure);
        if (!budget.take(item))
            break;
        text += item;
        shown++;
    }
    return { text: `${text}\n`, omitted: failures.length - shown };
}
/** `- ❌ **Title** (hash): what went wrong`. */
function failureItem(failure) {
    const hash = escapeMarkdown$1(failure.projectHash);
    const name = failure.projectTitle === null ? hash : `**${escapeMarkdown$1(failure.projectTitle)}** (${hash})`;
    return `- ❌ ${name}: ${escapeMarkdown$1(failure.message, 500)}\n`;
}

/** Scores → what history keeps of them (every METRICS score, null when not computed). */
function historyScores(scores) {
    const kept = {};
    for (const metric of METRICS)
        kept[metric.name] = scores[metric.name];
    return kept;
}
/** This run's points: one per evaluated project, in input order. */
function currentPoints(result, run) {
    return result.projects.flatMap((outcome) => outcome.status === 'evaluated'
        ? [
            {
                run,
                projectHash: outcome.evaluation.projectHash,
                annotator: outcome.evaluation.annotator,
                labelsDigest: outcome.evaluation.labelsDigest ?? null,
                scores: historyScores(outcome.evaluation.overall)
            }
        ]
        : []);
}
/**
 * Merges earlier runs (oldest first) with this run. A run listed twice (read from an artifact and
 * from a history file) counts once, and this run's own id is not an earlier run.
 */
function mergeHistory(result, earlier, currentRun) {
    const seen = new Set([currentRun]);
    const runs = [];
    for (const run of earlier) {
        if (seen.has(run.run))
            continue;
        seen.add(run.run);
        runs.push(run);
    }
    const projects = currentPoints(result, currentRun).map((point) => {
        const earlierPoints = runs.flatMap((run) => run.points.filter((candidate) => candidate.projectHash === point.projectHash));
        const attempts = toAttempts([...earlierPoints, point]);
        return {
            projectHash: point.projectHash,
            attempts,
            previous: attempts.length >= 2 ? attempts[attempts.length - 2] : null
        };
    });
    return { earlierRuns: runs.length, projects };
}
/** Consecutive points with the same digest are one attempt, with the latest run's scores. */
function toAttempts(points) {
    const attempts = [];
    for (const point of points) {
        const last = attempts[attempts.length - 1];
        const attempt = { run: point.run, labelsDigest: point.labelsDigest, scores: point.scores };
        if (last !== undefined &&
            last.labelsDigest !== null &&
            last.labelsDigest === point.labelsDigest) {
            attempts[attempts.length - 1] = attempt;
        }
        else {
            attempts.push(attempt);
        }
    }
    return attempts;
}
/**
 * The scores a trend is shown for: the gated ones the method computes, or its headline score (F1,
 * or mean IoU under encord-script) when nothing is gated.
 */
function trendMetrics(settings) {
    const gated = GATE_METRICS.filter((name) => settings.thresholds[name] !== undefined &&
        metricFacts(name).methods.includes(settings.method));
    if (gated.length > 0)
        return gated;
    return [settings.method === 'encord-script' ? 'meanIou' : 'f1'];
}
function trendOf(history, metric) {
    const series = history.attempts.map((attempt) => attempt.scores[metric] ?? null);
    const current = series[series.length - 1] ?? null;
    const before = history.previous?.scores[metric] ?? null;
    return {
        metric,
        current,
        delta: current === null || before === null ? null : current - before,
        attempts: history.attempts.length,
        series
    };
}
const BARS = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
/**
 * A Unicode sparkline over the series, scaled from its lowest to its highest value (a flat series
 * is a row of middle bars); a missing value is a space.
 */
function sparkline(series) {
    const values = series.filter((value) => value !== null);
    if (values.length === 0)
        return '';
    const low = Math.min(...values);
    const high = Math.max(...values);
    return series
        .map((value) => {
        if (value === null)
            return ' ';
        if (high === low)
            return BARS[3];
        const step = Math.round(((value - low) / (high - low)) * (BARS.length - 1));
        return BARS[step];
    })
        .join('');
}

/**
 * Progress over attempts (`results/history.ts`), rendered: one trend line per trended score, e.g.
 * `F1 0.842 ▲ +0.061 since last attempt · 4 attempts ▁▃▅█`, in a markdown table for the summary
 * and the comment, and plain lines for the terminal. The comment adds a Mermaid line chart of each
 * annotator's score over attempts, always next to the table (a reader without Mermaid loses
 * nothing).
 */
const NO_EARLIER_RUNS = 'No earlier runs found: trends start with the next run.';
const HEADING = '#### Progress\n\n';
/** `F1 0.842 ▲ +0.061 since last attempt · 4 attempts ▁▃▅█`, or `F1 0.842 · first attempt`. */
function trendText(trend, method) {
    const label = labelsUnder(metricFacts(trend.metric), method).label;
    const score = `${label} ${formatScore(trend.current)}`;
    if (trend.attempts <= 1)
        return `${score} · first attempt`;
    const change = trend.delta === null
        ? 'no earlier score to compare'
        : `${arrow(trend.delta)} ${signed(trend.delta)} since last attempt`;
    return `${score} ${change} · ${plural$1(trend.attempts, 'attempt')} ${sparkline(trend.series)}`;
}
function arrow(delta) {
    if (Math.abs(delta) < 0.0005)
        return '=';
    return delta > 0 ? '▲' : '▼';
}
function signed(delta) {
    const text = Math.abs(delta).toFixed(3);
    if (Math.abs(delta) < 0.0005)
        return `±${text}`;
    return delta > 0 ? `+${text}` : `−${text}`;
}
function progressRows(result) {
    const history = result.history;
    if (history === undefined)
        return [];
    const metrics = trendMetrics(result.settings);
    const byHash = new Map(history.projects.map((project) => [project.projectHash, project]));
    return result.projects.flatMap((outcome) => {
        if (outcome.status !== 'evaluated')
            return [];
        const project = byHash.get(outcome.evaluation.projectHash);
        if (project === undefined)
            return [];
        return [
            {
                evaluation: outcome.evaluation,
                history: project,
                trends: metrics.map((metric) => trendOf(project, metric))
            }
        ];
    });
}
function who(evaluation) {
    return evaluation.annotator ?? evaluation.projectTitle;
}
/** The summary's and comment's progress table; '' when history was not read. */
function renderProgressMarkdown(result, options) {
    if (result.history === undefined)
        return '';
    if (result.history.earlierRuns === 0)
        return `${HEADING}${NO_EARLIER_RUNS}\n\n`;
    const rows = progressRows(result);
    const table = [
        '| Annotator | Trend |',
        '| --- | --- |',
        ...rows.map((row) => `| ${escapeMarkdown$1(who(row.evaluation))} | ${row.trends
            .map((trend) => escapeMarkdown$1(trendText(trend, row.evaluation.method)))
            .join('<br>')} |`)
    ].join('\n');
    const charts = options.chart ? rows.map((row) => mermaidChart(row)).join('') : '';
    return `${HEADING}${table}\n\n${charts}`;
}
/**
 * The progress section if it fits the budget, else the table without the charts, else nothing:
 * the scores and failures, taken first, matter more.
 */
function progressWithin(result, budget, chart) {
    const full = renderProgressMarkdown(result, { chart });
    if (full === '' || budget.take(full))
        return full;
    const plain = chart ? renderProgressMarkdown(result, { chart: false }) : '';
    return plain !== '' && budget.take(plain) ? plain : '';
}
/** The terminal's lines; '' when history was not read. */
function renderProgressText(result) {
    if (result.history === undefined)
        return '';
    if (result.history.earlierRuns === 0)
        return `Progress: ${NO_EARLIER_RUNS}\n`;
    const lines = progressRows(result).flatMap((row) => row.trends.map((trend) => `  ${who(row.evaluation)}: ${trendText(trend, row.evaluation.method)}`));
    return lines.length === 0 ? '' : `Progress:\n${lines.join('\n')}\n`;
}
/**
 * A Mermaid `xychart-beta` line of the first trended score over attempts. Only for two attempts or
 * more with every score known: Mermaid has no gaps in a line.
 */
function mermaidChart(row) {
    const trend = row.trends[0];
    if (trend === undefined || trend.attempts < 2)
        return '';
    const values = trend.series.filter((value) => value !== null);
    if (values.length !== trend.series.length)
        return '';
    const label = labelsUnder(metricFacts(trend.metric), row.evaluation.method).label;
    const title = mermaidText(`${label} of ${who(row.evaluation)} per attempt`);
    const axis = values.map((_, index) => String(index + 1)).join(', ');
    return [
        '```mermaid',
        'xychart-beta',
        `  title "${title}"`,
        `  x-axis "Attempt" [${axis}]`,
        `  y-axis "${mermaidText(label)}" 0 --> 1`,
        `  line [${values.map((value) => value.toFixed(3)).join(', ')}]`,
        '```',
        ''
    ].join('\n');
}
/** Text Mermaid reads inside double quotes: no quotes, backticks, brackets or line breaks. */
function mermaidText(text) {
    return text.replace(/[^\p{L}\p{N} @._+-]/gu, ' ').slice(0, 80);
}

const KIND_LABEL$1 = {
    missed: 'Missed',
    extra: 'Extra',
    'wrong-class': 'Wrong class',
    'no-match': 'No match',
    'low-iou': 'Low IoU',
    'id-switch': 'ID switch',
    fragmented: 'Fragmented'
};
/**
 * The item's frame; for a video track's switch or fragmentation the frames it went from and to,
 * `120 → 121` (the track switched between them, or was lost after 120 and found again at 121).
 */
function itemFrameText(item) {
    return item.fromFrame === undefined ? String(item.frame) : `${item.fromFrame} → ${item.frame}`;
}
/** A table of `items`, with a links column only when some item has links. */
function worstItemsTable(items) {
    const linked = items.some((item) => item.trainingUrl !== null || item.benchmarkUrl !== null);
    const columns = [
        { header: 'Status' },
        { header: 'Data unit' },
        { header: 'Frame', align: 'right' },
        { header: 'Training class' },
        { header: 'Benchmark class' },
        { header: 'IoU', align: 'right' },
        ...(linked ? [{ header: 'Open in Encord' }] : [])
    ];
    const rows = items.map((item) => [
        KIND_LABEL$1[item.kind],
        escapeMarkdown$1(item.dataTitle, 100),
        itemFrameText(item),
        item.trainingClass === null ? MISSING : escapeMarkdown$1(item.trainingClass, 60),
        item.benchmarkClass === null ? MISSING : escapeMarkdown$1(item.benchmarkClass, 60),
        formatScore(item.iou),
        ...(linked ? [itemLinksMarkdown(item)] : [])
    ]);
    return table(columns, rows);
}
/**
 * `[task](…) · [benchmark](…)`. The URLs are ours: an origin the config checked, percent-encoded
 * hashes and a frame number, so nothing in them can end the link.
 */
function itemLinksMarkdown(item) {
    const links = [
        item.trainingUrl === null ? null : `[task](${item.trainingUrl})`,
        item.benchmarkUrl === null ? null : `[benchmark](${item.benchmarkUrl})`
    ].filter((link) => link !== null);
    return links.length === 0 ? MISSING : links.join(' · ');
}

/** Items a note lists; the HTML report shows every kept item. */
const NOTE_WORST_ITEMS = 10;
/** Kinds of error a note leads with. */
const NOTE_TOP_ERRORS = 3;
/** One note per evaluated training project, in input order, with unique file names. */
function feedbackNotes(result) {
    const projects = result.projects.flatMap((outcome) => outcome.status === 'evaluated' ? [outcome.evaluation] : []);
    const names = noteFileNames(projects);
    return projects.map((project, index) => feedbackNote(result, project, names[index]));
}
function feedbackNote(result, project, fileName) {
    const { feedback } = project;
    return {
        fileName,
        annotator: project.annotator,
        projectHash: project.projectHash,
        projectTitle: project.projectTitle,
        benchmarkTitle: result.benchmark.title,
        method: project.method,
        scores: noteScores(result, project),
        wentWell: wentWell(result, project),
        errorTotals: feedback.errors.totals,
        topErrors: feedback.errors.counts
            .slice(0, NOTE_TOP_ERRORS)
            .map((count) => ({ ...count, text: errorText(count, feedback.lowIou) })),
        bias: biasLines(feedback.bias),
        lowIou: feedback.lowIou,
        worstItems: balancedWorstItems(project.worstItems, NOTE_WORST_ITEMS)
    };
}
function noteScores(result, project) {
    return metricsComputedBy(project.method).map((metric) => {
        const value = scoreOf(project.overall, metric.name);
        const threshold = metric.threshold === null
            ? null
            : (result.settings.thresholds[metric.name] ??
                null);
        return {
            name: metric.name,
            label: labelsUnder(metric, project.method).label,
            value,
            interval: project.intervals?.overall[metric.name] ?? null,
            threshold,
            meets: threshold === null ? null : meetsThreshold(metric.direction, value, threshold)
        };
    });
}
/** Bars met, the classes done best, and the kinds of mistake never made. */
function wentWell(result, project) {
    const lines = [];
    for (const score of noteScores(result, project)) {
        if (score.meets === true && score.value !== null) {
            lines.push(`${score.label} ${score.value.toFixed(3)} meets the bar of ${score.threshold}.`);
        }
    }
    if (project.method === 'one-to-one') {
        const best = project.perClass
            .filter((metrics) => metrics.f1 !== null && metrics.f1 >= 0.8 && metrics.benchmarkObjects > 0)
            .sort((a, b) => (b.f1 ?? 0) - (a.f1 ?? 0) || b.benchmarkObjects - a.benchmarkObjects)
            .slice(0, 3);
        for (const metrics of best) {
            lines.push(`“${metrics.className}”: F1 ${(metrics.f1 ?? 0).toFixed(3)} over ${metrics.benchmarkObjects} expert objects.`);
        }
        const { totals } = project.feedback.errors;
        const { overall } = project;
        if (overall.benchmarkObjects > 0 && totals.missed === 0)
            lines.push('No object missed.');
        if (overall.trainingObjects > 0 && totals.extra === 0) {
            lines.push('No object drawn where the expert has none.');
        }
        if (overall.truePositives + overall.wrongClass > 0 && totals['wrong-class'] === 0) {
            lines.push('Every object found got the right class.');
        }
    }
    return lines;
}
/** One line per kind of error, as the README defines them. */
function errorText(count, lowIou) {
    const times = `${count.count} ${count.count === 1 ? 'time' : 'times'}`;
    switch (count.kind) {
        case 'missed':
            return `“${count.subject}” missed: ${times}`;
        case 'extra':
            return `“${count.subject}” drawn where the expert has nothing: ${times}`;
        case 'wrong-class':
            return `“${count.subject}” labelled as “${count.given ?? ''}”: ${times}`;
        case 'low-overlap':
            return `“${count.subject}” drawn with overlap (IoU) below ${lowIou}: ${times}`;
        case 'attribute':
            return `attribute “${count.subject}” answered differently: ${times}`;
        case 'classification':
            return `question “${count.subject}” answered differently: ${times}`;
    }
}
/**
 * Plain sentences for the clear biases: size first ("6.0 % too wide, mostly on the right edge"),
 * a shift when both edges of an axis move the same way, then any other edge that is clearly off.
 */
function biasLines(estimates) {
    const clear = new Map(estimates.filter((estimate) => estimate.clear).map((estimate) => [estimate.measure, estimate]));
    const lines = [];
    const told = new Set();
    const axes = [
        { size: 'width', low: 'left', high: 'right', more: 'wide', less: 'narrow', of: 'width' },
        { size: 'height', low: 'top', high: 'bottom', more: 'tall', less: 'short', of: 'height' }
    ];
    for (const axis of axes) {
        const size = clear.get(axis.size);
        const low = clear.get(axis.low);
        const high = clear.get(axis.high);
        if (size !== undefined) {
            const mostly = [low, high]
                .filter((edge) => edge !== undefined && Math.sign(edge.mean) === Math.sign(size.mean))
                .sort((a, b) => Math.abs(b.mean) - Math.abs(a.mean))[0];
            const where = mostly === undefined ? '' : `, mostly on the ${mostly.measure} edge`;
            lines.push({
                estimate: size,
                text: `Your boxes are ${percent(size.mean)} too ${size.mean > 0 ? axis.more : axis.less}${where} ${interval(size)}.`
            });
            told.add(axis.low).add(axis.high);
        }
        else if (low !== undefined &&
            high !== undefined &&
            Math.sign(low.mean) !== Math.sign(high.mean)) {
            // One edge in, the other out: the box sits off to one side.
            const towards = high.mean > 0 ? axis.high : axis.low;
            lines.push({
                estimate: high,
                text: `Your boxes sit ${percent((high.mean - low.mean) / 2)} of the box’s ${axis.of} too far ${axis.of === 'width' ? towards : towards === 'top' ? 'up' : 'down'} ${interval(high)}.`
            });
            told.add(axis.low).add(axis.high);
        }
    }
    for (const edge of ['left', 'right', 'top', 'bottom']) {
        const estimate = clear.get(edge);
        if (estimate === undefined || told.has(edge))
            continue;
        const of = edge === 'left' || edge === 'right' ? 'width' : 'height';
        lines.push({
            estimate,
            text: `Your ${edge} edges lie ${percent(estimate.mean)} of the box’s ${of} ${estimate.mean > 0 ? 'outside' : 'inside'} the expert’s ${interval(estimate)}.`
        });
    }
    const area = clear.get('polygon-area');
    if (area !== undefined) {
        lines.push({
            estimate: area,
            text: `Your polygons are ${percent(area.mean)} ${area.mean > 0 ? 'larger' : 'smaller'} than the expert’s ${interval(area)}.`
        });
    }
    return lines;
}
function percent(fraction) {
    return `${(Math.abs(fraction) * 100).toFixed(1)} %`;
}
function interval(estimate) {
    const signed = (value) => {
        if (value === null)
            return '?';
        const percentage = value * 100;
        // A bound that rounds to 0.0 would read as touching 0, which a clear claim's never does.
        const digits = percentage !== 0 && Math.abs(percentage) < 0.05
            ? percentage.toPrecision(1)
            : percentage.toFixed(1);
        return `${value > 0 ? '+' : ''}${digits} %`;
    };
    return `(95 % interval ${signed(estimate.low)} to ${signed(estimate.high)}, ${estimate.pairs} pairs)`;
}
const MAX_NAME = 80;
/**
 * File names for the notes, in project order: the annotator's e-mail made safe (lower case;
 * anything but letters, digits, `.`, `_`, `+`, `@` and `-` becomes `_`; at most 80 characters;
 * `unknown-annotator` when none is recorded) plus `.md`. Names that would collide (one annotator
 * with several projects, or e-mails that differ only in case or unsafe characters) each get the
 * first 8 characters of their project's hash; a name that still collides gets `-2`, `-3`… in
 * project order.
 */
function noteFileNames(projects) {
    const bases = projects.map((project) => safeBase(project.annotator));
    const uses = new Map();
    for (const base of bases)
        uses.set(base, (uses.get(base) ?? 0) + 1);
    const withHash = bases.map((base, index) => (uses.get(base) ?? 0) > 1
        ? `${base}-${safeBase(projects[index].projectHash).slice(0, 8)}`
        : base);
    const taken = new Set();
    return withHash.map((name) => {
        let unique = name;
        for (let n = 2; taken.has(unique); n++)
            unique = `${name}-${n}`;
        taken.add(unique);
        return `${unique}.md`;
    });
}
function safeBase(text) {
    const cleaned = (text ?? '')
        .toLowerCase()
        .replace(/[^a-z0-9._+@-]/g, '_')
        .replace(/^[.]+/, '_')
        .slice(0, MAX_NAME);
    return cleaned === '' ? 'unknown-annotator' : cleaned;
}

const UNMATCHED = '(unmatched)';
const MAX_MATRIX_CLASSES = 12;
const MAX_PAIRS = 30;
function confusionMarkdown(cells, classOrder) {
    const present = cells.filter((cell) => cell.count > 0);
    if (present.length === 0)
        return '_No objects to compare._\n';
    const benchmark = ordered$1(present.map((cell) => cell.benchmark), classOrder);
    const training = ordered$1(present.map((cell) => cell.training), classOrder);
    return benchmark.length <= MAX_MATRIX_CLASSES && training.length <= MAX_MATRIX_CLASSES
        ? matrix(present, benchmark, training)
        : pairs(present);
}
/** Labels in the order of `classOrder`, then any others as first seen, `(unmatched)` last. */
function ordered$1(labels, classOrder) {
    const seen = new Set(labels);
    const known = classOrder.filter((name) => seen.has(name));
    const others = [...seen].filter((label) => label !== null && !classOrder.includes(label));
    return [...known, ...others, ...(seen.has(null) ? [null] : [])];
}
function label(name) {
    return name === null ? UNMATCHED : escapeMarkdown$1(name, 60);
}
function matrix(cells, benchmark, training) {
    const counts = new Map();
    const key = (b, t) => JSON.stringify([b, t]);
    for (const cell of cells) {
        counts.set(key(cell.benchmark, cell.training), (counts.get(key(cell.benchmark, cell.training)) ?? 0) + cell.count);
    }
    const columns = [
        { header: 'Benchmark ↓ / Training →' },
        ...training.map((name) => ({ header: label(name), align: 'right' }))
    ];
    const rows = benchmark.map((b) => [
        `**${label(b)}**`,
        ...training.map((t) => String(counts.get(key(b, t)) ?? 0))
    ]);
    return table(columns, rows);
}
function pairs(cells) {
    const sorted = [...cells].sort((a, b) => b.count - a.count);
    const rows = sorted
        .slice(0, MAX_PAIRS)
        .map((cell) => [label(cell.benchmark), label(cell.training), String(cell.count)]);
    const columns = [
        { header: 'Benchmark class' },
        { header: 'Training class' },
        { header: 'Count', align: 'right' }
    ];
    const more = sorted.length - rows.length;
    const note = more > 0 ? `\n_${more} more pairs are in report.json._\n` : '';
    return table(columns, rows) + note;
}

/**
 * Heatmap colours: one blue scale from pale (0) to dark (1), and a text colour that stays
 * readable on it. The number is always printed in the cell too, so colour is never the only
 * carrier of a value.
 */
/** Inline style for a cell whose value is `share` in [0, 1]; nothing for a missing value. */
function heatStyle(share) {
    if (share === null || !Number.isFinite(share))
        return null;
    const clamped = Math.min(1, Math.max(0, share));
    const lightness = Math.round(97 - clamped * 60);
    const text = lightness < 55 ? '#ffffff' : '#1f2328';
    return `background:hsl(212,80%,${lightness}%);color:${text}`;
}

/** The score the per-class heatmap shows under `method`. */
function classHeatmapMetric(method) {
    return method === 'one-to-one' ? 'f1' : 'meanIou';
}
/** Classes in the order the projects list them (they share the benchmark's ontology). */
function classColumns(projects) {
    const seen = new Map();
    for (const project of projects) {
        for (const metrics of project.perClass) {
            if (!seen.has(metrics.featureHash)) {
                seen.set(metrics.featureHash, {
                    featureHash: metrics.featureHash,
                    className: metrics.className
                });
            }
        }
    }
    return [...seen.values()];
}
function classHeatmap(projects, method) {
    const columns = classColumns(projects);
    if (projects.length === 0 || columns.length === 0) {
        return html `<p>No class has objects to score.</p>`;
    }
    const metric = classHeatmapMetric(method);
    const label = labelsUnder(metricFacts(metric), method).label;
    const rows = projects.map((project) => {
        const byHash = new Map(project.perClass.map((metrics) => [metrics.featureHash, metrics]));
        const cells = columns.map((column) => {
            const metrics = byHash.get(column.featureHash);
            const value = metrics === undefined ? null : scoreOf(metrics, metric);
            const objects = metrics?.benchmarkObjects ?? 0;
            return html `<td
        class="num"
        style="${heatStyle(value)}"
        title="${`${column.className}: ${objects} benchmark objects`}"
      >
        ${formatScore(value)}
      </td>`;
        });
        return html `<tr>
      <th scope="row">
        ${project.annotator ?? MISSING}<br /><span class="muted">${project.projectTitle}</span>
      </th>
      ${cells}
    </tr>`;
    });
    return html `<div class="scroll">
    <table class="heat" id="class-heatmap">
      <caption>
        ${label} per class and annotator: darker is higher; ${MISSING} where the class has nothing
        to score.
      </caption>
      <thead>
        <tr>
          <th scope="col">Annotator</th>
          ${columns.map((column) => html `<th scope="col" class="num">${column.className}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${rows}
      </tbody>
    </table>
  </div>`;
}
/** Labels in first-seen order of `classOrder`, then any others, `(unmatched)` last. */
function ordered(labels, classOrder) {
    const seen = new Set(labels);
    const known = classOrder.filter((name) => seen.has(name));
    const others = [...seen].filter((label) => label !== null && !classOrder.includes(label));
    return [...known, ...others, ...(seen.has(null) ? [null] : [])];
}
function confusionHeatmap(cells, classOrder, id) {
    const present = cells.filter((cell) => cell.count > 0);
    if (present.length === 0)
        return html `<p>No objects to compare.</p>`;
    const benchmark = ordered(present.map((cell) => cell.benchmark), classOrder);
    const training = ordered(present.map((cell) => cell.training), classOrder);
    const key = (b, t) => JSON.stringify([b, t]);
    const counts = new Map();
    const rowTotals = new Map();
    for (const cell of present) {
        counts.set(key(cell.benchmark, cell.training), (counts.get(key(cell.benchmark, cell.training)) ?? 0) + cell.count);
        rowTotals.set(cell.benchmark, (rowTotals.get(cell.benchmark) ?? 0) + cell.count);
    }
    const name = (label) => label ?? UNMATCHED;
    const rows = benchmark.map((b) => {
        const total = rowTotals.get(b) ?? 0;
        const cellsOfRow = training.map((t) => {
            const count = counts.get(key(b, t)) ?? 0;
            const agrees = b !== null && b === t;
            return html `<td class="num" style="${heatStyle(total === 0 ? null : count / total)}">
        ${agrees && count > 0 ? html `<strong>${count}</strong>` : count}
      </td>`;
        });
        return html `<tr>
      <th scope="row">${name(b)}</th>
      ${cellsOfRow}
      <td class="num">${total}</td>
    </tr>`;
    });
    return html `<div class="scroll">
    <table class="heat confusion" id="${id}">
      <caption>
        Benchmark class (rows) against the annotator's class (columns), in objects; shaded by share
        of the row; agreements in bold. ${UNMATCHED}: extra (row) or missed (column).
      </caption>
      <thead>
        <tr>
          <th scope="col">Benchmark ↓ / Annotator →</th>
          ${training.map((t) => html `<th scope="col" class="num">${name(t)}</th>`)}
          <th scope="col" class="num">Total</th>
        </tr>
      </thead>
      <tbody>
        ${rows}
      </tbody>
    </table>
  </div>`;
}

const WIDTH$1 = 100;
const HEIGHT$1 = 14;
const MID = HEIGHT$1 / 2;
/** Room at each end, so a dot at 0 or 1 is drawn whole. */
const PAD$1 = 4;
const x = (value) => (PAD$1 + Math.min(1, Math.max(0, value)) * (WIDTH$1 - 2 * PAD$1)).toFixed(1);
/** Nothing when the score is missing. */
function errorBar(value, interval, threshold) {
    if (value === null || !Number.isFinite(value))
        return html ``;
    const bar = interval === null
        ? html ``
        : html `<line
            class="ci"
            x1="${x(interval.low)}"
            x2="${x(interval.high)}"
            y1="${MID}"
            y2="${MID}"
            stroke="#0550ae"
            stroke-width="2"
          /><line
            x1="${x(interval.low)}"
            x2="${x(interval.low)}"
            y1="3"
            y2="11"
            stroke="#0550ae"
          /><line
            x1="${x(interval.high)}"
            x2="${x(interval.high)}"
            y1="3"
            y2="11"
            stroke="#0550ae"
          />`;
    const tick = threshold === null
        ? html ``
        : html `<line
          class="threshold"
          x1="${x(threshold)}"
          x2="${x(threshold)}"
          y1="0"
          y2="${HEIGHT$1}"
          stroke="#cf222e"
          stroke-dasharray="2 2"
        />`;
    return html `<svg
    class="error-bar"
    width="${WIDTH$1}"
    height="${HEIGHT$1}"
    viewBox="0 0 ${WIDTH$1} ${HEIGHT$1}"
    aria-hidden="true"
    focusable="false"
  >
    <line x1="${x(0)}" x2="${x(1)}" y1="${MID}" y2="${MID}" stroke="#d1d9e0" />
    ${bar}${tick}
    <circle cx="${x(value)}" cy="${MID}" r="3" fill="#1f2328" />
  </svg>`;
}

/**
 * The leaderboard: one row per evaluated annotator with the gate's verdict (mark and word), every
 * score the method computes (with its interval and an error bar when intervals are on), the
 * threshold checks and the evidence. Sortable by any column when the script runs; each cell's
 * `data-sort` holds its raw value.
 */
/** Sort order of verdicts: the ones to act on first. */
const VERDICT_RANK = { fail: 0, inconclusive: 1, 'insufficient-evidence': 2, pass: 3 };
function verdictBadge(verdict) {
    return html `<span class="verdict verdict-${verdict}"
    >${verdictIcon(verdict)} ${VERDICT_PHRASE[verdict]}</span
  >`;
}
function leaderboard(result, all) {
    const evaluated = all.filter(isEvaluated);
    if (evaluated.length === 0)
        return html `<p>No training project could be evaluated.</p>`;
    const { method } = result.settings;
    const metrics = metricsComputedBy(method);
    const withIntervals = result.settings.bootstrapSamples > 0;
    const gated = thresholdsSet(result).map(([metric]) => metric);
    const head = html `<tr>
    <th scope="col">Verdict</th>
    <th scope="col">Annotator and training project</th>
    ${metrics.map((metric) => html `<th scope="col" class="num" data-type="number">${labelsUnder(metric, method).label}</th>`)}
    ${gated.map((metric) => html `<th scope="col" class="num" data-type="number">${thresholdInput(metric)}</th>`)}
    <th scope="col" class="num" data-type="number">Data units</th>
    <th scope="col" class="num" data-type="number">Benchmark objects</th>
  </tr>`;
    const rows = evaluated.map((standing) => {
        const { evaluation } = standing;
        const scores = metrics.map((metric) => {
            const value = scoreOf(evaluation.overall, metric.name);
            const interval = evaluation.intervals?.overall[metric.name] ?? null;
            const check = standing.checks.find((one) => one.metric === metric.name);
            const text = withIntervals
                ? `${formatScore(value)} ${value === null ? '' : formatInterval(interval)}`.trim()
                : formatScore(value);
            return html `<td class="num" data-sort="${sortable(value)}">
        <div class="score">
          <span>${text}</span
          >${errorBar(value, withIntervals ? interval : null, check?.threshold ?? null)}
        </div>
      </td>`;
        });
        const checks = gated.map((metric) => {
            const check = standing.checks.find((one) => one.metric === metric);
            return check === undefined
                ? html `<td class="num" data-sort="">${MISSING}</td>`
                : html `<td class="num" data-sort="${sortable(check.actual)}">
            ${verdictIcon(check.outcome)} ${checkText(check, result)}
          </td>`;
        });
        return html `<tr>
      <td data-sort="${VERDICT_RANK[standing.verdict]}">${verdictBadge(standing.verdict)}</td>
      <th scope="row">
        ${evaluation.annotator ?? MISSING}<br /><span class="muted"
          >${evaluation.projectTitle}</span
        >
      </th>
      ${scores}${checks}
      <td class="num" data-sort="${standing.dataUnits}">
        ${standing.dataUnits} / ${evaluation.coverage.benchmarkRows}
      </td>
      <td class="num" data-sort="${standing.benchmarkObjects}">${standing.benchmarkObjects}</td>
    </tr>`;
    });
    const caption = withIntervals
        ? `Scores with their ${Math.round(result.settings.confidenceLevel * 1000) / 10} % confidence intervals (bars) and thresholds (dashed red ticks).`
        : 'Scores (dots) and thresholds (dashed red ticks); intervals are off for this run.';
    return html `<div class="scroll">
    <table id="leaderboard" data-sortable>
      <caption>
        ${caption} Sort by any column with its header button.
      </caption>
      <thead>
        ${head}
      </thead>
      <tbody>
        ${rows}
      </tbody>
    </table>
  </div>`;
}
/**
 * The markdown reports' threshold cell (`0.610 < 0.800`, `(borderline)`, `straddles`…) without
 * its leading emoji: the page draws the mark as an icon.
 */
function checkText(check, result) {
    const text = thresholdCell(check, result.settings.gateOn);
    const mark = `${CHECK_MARK[check.outcome]} `;
    return text.startsWith(mark) ? text.slice(mark.length) : text;
}
/** A score as a sort key: the number, or empty for a missing one (sorted last). */
function sortable(value) {
    return value === null || !Number.isFinite(value) ? '' : String(value);
}

function auditSection(result) {
    const audit = result.audit;
    if (audit === undefined)
        return html ``;
    const excluded = exclusionSentence(audit);
    const rows = audit.suspects.map((suspect) => {
        const href = safeHref(suspect.link);
        const frames = suspect.frames.length === 0 ? 'whole unit' : suspect.frames.join(', ');
        return html `<tr>
      <td>${SUSPECT_KIND_TEXT[suspect.kind]}</td>
      <td>
        ${href === null ? suspect.dataTitle : html `<a href="${href}" rel="noopener noreferrer">${suspect.dataTitle}</a>`}
      </td>
      <td>${frames}</td>
      <td>${suspect.benchmarkSays ?? '(nothing)'}</td>
      <td class="num">${suspect.disagreeing} of ${suspect.annotators}</td>
      <td>${suspect.annotatorsSay}</td>
      <td><code>${suspect.benchmarkObject ?? ''}</code></td>
    </tr>`;
    });
    return html `<section id="audit" aria-labelledby="audit-title">
    <h2 id="audit-title">${auditHeadline(audit)}</h2>
    ${audit.note === null ? html `` : html `<p>${audit.note}</p>`}
    <p>${excluded ?? 'Scores are unchanged by the audit.'}</p>
    ${rows.length === 0
        ? html ``
        : html `<table>
              <thead>
                <tr>
                  <th scope="col">Suspect</th>
                  <th scope="col">Data unit</th>
                  <th scope="col">Frames</th>
                  <th scope="col">Benchmark</th>
                  <th scope="col">Annotators</th>
                  <th scope="col">They say</th>
                  <th scope="col">Benchmark object</th>
                </tr>
              </thead>
              <tbody>
                ${rows}
              </tbody>
            </table>
            <p class="muted">Also in <code>${AUDIT_FILE_NAME}</code>.</p>`}
  </section>`;
}

/**
 * One section per evaluated annotator: the verdict, the feedback note's content (what went well,
 * the most frequent kinds of error, any systematic geometry bias; `results/feedback-note.ts`) and
 * the annotator's confusion matrix as a heatmap. The same facts as `feedback/<annotator>.md`;
 * the worst items are in the table below, filterable by annotator.
 */
const ERROR_KIND_LABEL = {
    missed: 'missed',
    extra: 'extra',
    'wrong-class': 'wrong class',
    'low-overlap': 'low overlap',
    attribute: 'attribute disagreement',
    classification: 'classification disagreement'
};
/** The id of annotator section `index` (0-based, in input order). */
function annotatorSectionId(index) {
    return `annotator-${index + 1}`;
}
function annotatorSection(standing, note, index) {
    const { evaluation } = standing;
    const id = annotatorSectionId(index);
    const classOrder = evaluation.perClass.map((metrics) => metrics.className);
    return html `<section class="note" id="${id}" aria-labelledby="${id}-title">
    <h3 id="${id}-title">
      ${evaluation.annotator ?? MISSING} <span class="muted">· ${evaluation.projectTitle}</span>
    </h3>
    <p>
      ${verdictBadge(standing.verdict)}
      <span class="muted"
        >on ${standing.dataUnits} benchmark data units, ${standing.benchmarkObjects} objects.</span
      >
    </p>
    ${note === undefined ? html `` : noteBody(note)}
    <h4>Confusion matrix</h4>
    ${confusionHeatmap(evaluation.confusion, classOrder, `${id}-confusion`)}
  </section>`;
}
function noteBody(note) {
    // Bars met are among what went well; the ones missed come first.
    const below = note.scores.filter((score) => score.meets === false);
    const total = ERROR_KINDS.reduce((sum, kind) => sum + note.errorTotals[kind], 0);
    return html `${below.length === 0
        ? html ``
        : html `<h4>Below the bar</h4>
            <ul>
              ${below.map((score) => html `<li>
                    ${verdictIcon('fail')} ${score.label} ${formatScore(score.value)} is below the
                    bar of ${formatThreshold(score.threshold ?? 0)}.
                  </li>`)}
            </ul>`}
    <h4>What went well</h4>
    ${note.wentWell.length === 0
        ? html `<p>Nothing stood out this time.</p>`
        : html `<ul>
            ${note.wentWell.map((line) => html `<li>${line}</li>`)}
          </ul>`}
    <h4>What to work on</h4>
    ${total === 0
        ? html `<p>No errors found: every object and answer agrees with the expert.</p>`
        : html `<ol>
              ${note.topErrors.map((error) => html `<li>${error.text}</li>`)}
            </ol>
            <table class="error-totals">
              <caption>
                All errors by kind (low overlap: IoU below ${note.lowIou}).
              </caption>
              <thead>
                <tr>
                  <th scope="col">Kind</th>
                  <th scope="col" class="num">Count</th>
                </tr>
              </thead>
              <tbody>
                ${ERROR_KINDS.map((kind) => html `<tr>
                      <th scope="row">${ERROR_KIND_LABEL[kind]}</th>
                      <td class="num">${note.errorTotals[kind]}</td>
                    </tr>`)}
              </tbody>
            </table>`}
    ${note.bias.length === 0
        ? html ``
        : html `<h4>Geometry</h4>
            <p>Compared with the expert's shapes on the objects both drew:</p>
            <ul>
              ${note.bias.map((bias) => html `<li>${bias.text}</li>`)}
            </ul>`}`;
}

/**
 * The HTML report's progress section (`results/history.ts`): per annotator, the trend line of the
 * summary and an inline SVG line chart of the first trended score over attempts (0 to 1 on the
 * vertical axis). Nothing when history was not read; a sentence on the first run.
 */
const WIDTH = 240;
const HEIGHT = 80;
const PAD = 6;
function progressSection(result) {
    const history = result.history;
    if (history === undefined)
        return html ``;
    if (history.earlierRuns === 0) {
        return html `<section id="progress" aria-labelledby="progress-title">
      <h2 id="progress-title">Progress</h2>
      <p>${NO_EARLIER_RUNS}</p>
    </section>`;
    }
    const metrics = trendMetrics(result.settings);
    const byHash = new Map(history.projects.map((project) => [project.projectHash, project]));
    const rows = result.projects.flatMap((outcome) => {
        if (outcome.status !== 'evaluated')
            return [];
        const project = byHash.get(outcome.evaluation.projectHash);
        if (project === undefined)
            return [];
        const trends = metrics.map((metric) => trendOf(project, metric));
        const who = outcome.evaluation.annotator ?? outcome.evaluation.projectTitle;
        return [
            html `<figure class="progress">
        ${chart(trends[0]?.series ?? [], `${who}: ${sparkline(trends[0]?.series ?? [])}`)}
        <figcaption>
          <strong>${who}</strong>
          ${trends.map((trend) => html `<br />${trendText(trend, outcome.evaluation.method)}`)}
        </figcaption>
      </figure>`
        ];
    });
    return html `<section id="progress" aria-labelledby="progress-title">
    <h2 id="progress-title">Progress</h2>
    ${rows}
  </section>`;
}
/** A line over attempts; a missing score breaks the line. */
function chart(series, label) {
    const step = series.length > 1 ? (WIDTH - 2 * PAD) / (series.length - 1) : 0;
    const x = (index) => (PAD + index * step).toFixed(1);
    const y = (value) => (HEIGHT - PAD - value * (HEIGHT - 2 * PAD)).toFixed(1);
    const points = series
        .map((value, index) => (value === null ? null : `${x(index)},${y(value)}`))
        .filter((point) => point !== null)
        .join(' ');
    return html `<svg
    role="img"
    aria-label="${label}"
    viewBox="0 0 ${WIDTH} ${HEIGHT}"
    width="${WIDTH}"
    height="${HEIGHT}"
  >
    <rect
      x="0"
      y="0"
      width="${WIDTH}"
      height="${HEIGHT}"
      fill="none"
      stroke="currentColor"
      stroke-opacity="0.2"
    />
    <polyline points="${points}" fill="none" stroke="currentColor" stroke-width="2" />
    ${series.map((value, index) => value === null ? html `` : html `<circle cx="${x(index)}" cy="${y(value)}" r="3" />`)}
  </svg>`;
}

const KIND_LABEL = {
    missed: 'missed',
    extra: 'extra',
    'wrong-class': 'wrong class',
    'no-match': 'no match',
    'low-iou': 'low IoU',
    'id-switch': 'ID switch',
    fragmented: 'fragmented'
};
const KIND_ORDER = [
    'missed',
    'extra',
    'wrong-class',
    'no-match',
    'low-iou',
    'id-switch',
    'fragmented'
];
const WORST_ITEMS_TABLE_ID = 'worst-items';
function link(url, text) {
    const href = safeHref(url);
    return href === null
        ? html `<span class="muted">${MISSING}</span>`
        : html `<a href="${href}" rel="noopener noreferrer">${text}</a>`;
}
function itemRow(project, item) {
    const annotator = project.annotator ?? MISSING;
    return html `<tr
    data-kind="${item.kind}"
    data-annotator="${annotator}"
    data-benchmark-class="${item.benchmarkClass ?? ''}"
    data-training-class="${item.trainingClass ?? ''}"
  >
    <td>${annotator}</td>
    <td>${KIND_LABEL[item.kind]}</td>
    <td>${item.dataTitle}</td>
    <td class="num">${itemFrameText(item)}</td>
    <td>${item.benchmarkClass ?? MISSING}</td>
    <td>${item.trainingClass ?? MISSING}</td>
    <td class="num" data-sort="${sortable(item.iou)}">${formatScore(item.iou)}</td>
    <td>${link(item.trainingUrl, 'task')}</td>
    <td>${link(item.benchmarkUrl, 'benchmark')}</td>
  </tr>`;
}
function options(values, label) {
    return html `<option value="">all</option>
    ${values.map((value) => html `<option value="${value}">${label(value)}</option>`)}`;
}
function worstItemsSection$1(projects) {
    const rows = projects.flatMap((project) => project.worstItems.map((item) => itemRow(project, item)));
    if (rows.length === 0)
        return html `<p>No worst items: nothing was missed, extra or mislabelled.</p>`;
    const items = projects.flatMap((project) => project.worstItems);
    const kinds = KIND_ORDER.filter((kind) => items.some((item) => item.kind === kind));
    const classes = [
        ...new Set(items
            .flatMap((item) => [item.benchmarkClass, item.trainingClass])
            .filter((name) => name !== null))
    ].sort((a, b) => a.localeCompare(b));
    const annotators = [...new Set(projects.map((project) => project.annotator ?? MISSING))];
    const linked = items.some((item) => item.trainingUrl !== null);
    return html `<form class="filters" data-filters="${WORST_ITEMS_TABLE_ID}" hidden>
      <label
        >Kind
        <select name="kind">
          ${options(kinds, (kind) => KIND_LABEL[kind])}
        </select></label
      >
      <label
        >Class
        <select name="class">
          ${options(classes, (name) => name)}
        </select></label
      >
      <label
        >Annotator
        <select name="annotator">
          ${options(annotators, (name) => name)}
        </select></label
      >
      <p data-filter-count aria-live="polite"></p>
    </form>
    ${linked ? html `` : html `<p class="muted">This run has no editor links (offline without <code>encord-app-url</code>, or a private API without it).</p>`}
    <div class="scroll">
      <table id="${WORST_ITEMS_TABLE_ID}" data-sortable>
        <caption>
          ${rows.length} items: per annotator the first misses, extras and wrong classes, and the
          lowest overlaps.
        </caption>
        <thead>
          <tr>
            <th scope="col">Annotator</th>
            <th scope="col">Kind</th>
            <th scope="col">Data unit</th>
            <th scope="col" class="num" data-type="number">Frame</th>
            <th scope="col">Benchmark class</th>
            <th scope="col">Annotator's class</th>
            <th scope="col" class="num" data-type="number">IoU</th>
            <th scope="col">Annotator's task</th>
            <th scope="col">Benchmark</th>
          </tr>
        </thead>
        <tbody>
          ${rows}
        </tbody>
      </table>
    </div>`;
}

/**
 * The HTML report (`output-dir/report.html`): one self-contained page with the leaderboard, the
 * per-class heatmap, a section per annotator (feedback note and confusion matrix) and every worst
 * item kept, with links. A pure renderer: results in, a string out.
 */
function renderHtmlReport(result) {
    const all = standings(result);
    const evaluated = all.filter(isEvaluated);
    const projects = evaluated.map((standing) => standing.evaluation);
    const notes = new Map(feedbackNotes(result).map((note) => [note.projectHash, note]));
    const { method } = result.settings;
    const heatLabel = labelsUnder(metricFacts(classHeatmapMetric(method)), method).label;
    const title = `Annotator scores against ${result.benchmark.title}`;
    const body = html `<header>
      <h1>${title}</h1>
      ${headline(result)} ${settingsLine(result)}
    </header>
    <nav aria-label="Sections">
      <ul>
        <li><a href="#scores">Leaderboard</a></li>
        <li><a href="#classes">${heatLabel} per class</a></li>
        <li><a href="#annotators">Annotators</a></li>
        <li><a href="#worst">Worst items</a></li>
        ${result.audit === undefined ? html `` : html `<li><a href="#audit">Benchmark audit</a></li>`}
        ${result.gate.failedProjects.length > 0 ? html `<li><a href="#failed">Not evaluated</a></li>` : html ``}
      </ul>
    </nav>
    <main>
      <section id="scores" aria-labelledby="scores-title">
        <h2 id="scores-title">Leaderboard</h2>
        ${leaderboard(result, all)}
      </section>
      ${progressSection(result)}
      <section id="classes" aria-labelledby="classes-title">
        <h2 id="classes-title">${heatLabel} per class</h2>
        ${classHeatmap(projects, method)}
      </section>
      <section id="annotators" aria-labelledby="annotators-title">
        <h2 id="annotators-title">Annotators</h2>
        ${evaluated.map((standing, index) => annotatorSection(standing, notes.get(standing.evaluation.projectHash), index))}
      </section>
      <section id="worst" aria-labelledby="worst-title">
        <h2 id="worst-title">Worst items</h2>
        ${worstItemsSection$1(projects)}
      </section>
      ${auditSection(result)} ${failedSection(result)}
    </main>
    <footer><p class="muted">${result.tool.name} ${result.tool.version}</p></footer>`;
    return page({ title, body });
}
function headline(result) {
    const verdict = verdictOf(result);
    const outcome = verdict.passed
        ? html `${verdictIcon('pass')} Passed`
        : verdict.stepFails
            ? html `${verdictIcon('fail')} Failed`
            : html `${verdictIcon('inconclusive')} Not passed`;
    const parts = [
        `${verdict.passedAnnotators} of ${plural$1(verdict.evaluated, 'annotator')} passed`,
        verdict.failedAnnotators > 0 ? `${verdict.failedAnnotators} failed` : null,
        verdict.inconclusiveAnnotators > 0 ? `${verdict.inconclusiveAnnotators} inconclusive` : null,
        verdict.insufficientAnnotators > 0
            ? `${verdict.insufficientAnnotators} with too little evidence`
            : null,
        verdict.notEvaluated > 0 ? `${plural$1(verdict.notEvaluated, 'project')} not evaluated` : null
    ].filter((part) => part !== null);
    return html `<p><strong>${outcome}</strong>: ${parts.join(', ')}.</p>`;
}
function settingsLine(result) {
    const { settings, benchmark } = result;
    const intervals = settings.bootstrapSamples > 0
        ? `${confidencePercent(settings.confidenceLevel)} intervals from ${settings.bootstrapSamples} bootstrap samples, gate on the ${settings.gateOn}`
        : 'intervals off';
    return html `<p class="muted">
    Benchmark project: ${benchmark.title} (${plural$1(benchmark.rows, 'row')}); method
    ${settings.method}, IoU threshold ${settings.iouThreshold}, stage ${settings.workflowStage};
    ${intervals}.
  </p>`;
}
function failedSection(result) {
    const failed = result.gate.failedProjects;
    if (failed.length === 0)
        return html ``;
    return html `<section id="failed" aria-labelledby="failed-title">
    <h2 id="failed-title">Not evaluated</h2>
    <ul>
      ${failed.map((failure) => html `<li><strong>${failure.projectTitle ?? failure.projectHash}</strong>: ${failure.message}</li>`)}
    </ul>
  </section>`;
}

function renderReportJson(result) {
    return `${JSON.stringify(orderRunResult(result), null, 2)}\n`;
}

function renderPreflightSection(report) {
    if (report === undefined)
        return '';
    const lines = ['### Preflight', ''];
    const benchmark = report.benchmark;
    if (benchmark !== null) {
        lines.push(`Benchmark: ${benchmark.completed} of ${benchmark.total} tasks in \`${escapeMarkdown$1(report.stage)}\`.`, '');
    }
    if (report.training.length > 0) {
        lines.push(table([
            { header: 'Training project' },
            { header: 'Annotators' },
            { header: `Tasks in ${escapeMarkdown$1(report.stage)}`, align: 'right' }
        ], report.training.map((progress) => [
            escapeMarkdown$1(progress.projectTitle),
            escapeMarkdown$1(progress.annotators.join(', ')) || 'none',
            `${progress.completed} / ${progress.total}`
        ])), '');
    }
    for (const finding of report.findings) {
        const mark = finding.severity === 'error' ? '❌ **Error**' : '⚠️ **Warning**';
        lines.push(`- ${mark}: ${escapeMarkdown$1(finding.message, 1000)}`);
    }
    if (report.findings.length > 0)
        lines.push('');
    return `${lines.join('\n')}\n`;
}

const MAX_ROWS = 50;
const COLUMNS = [
    ['Tracks', (t) => String(t.benchmarkTracks)],
    ['Annotator tracks', (t) => String(t.trainingTracks)],
    ['ID switches', (t) => String(t.idSwitches)],
    ['Fragmentations', (t) => String(t.fragmentations)],
    ['Mostly tracked', (t) => String(t.mostlyTracked)],
    ['Partially', (t) => String(t.partiallyTracked)],
    ['Mostly lost', (t) => String(t.mostlyLost)],
    ['IDF1', (t) => formatScore(t.idf1)],
    ['MOTA', (t) => formatScore(t.mota)],
    ['MOTP', (t) => formatScore(t.motp)]
];
function trackingTable(overall, perClass) {
    if (overall.tracking === undefined)
        return '';
    const rows = perClass.flatMap((metrics) => metrics.tracking === undefined
        ? []
        : [[escapeMarkdown$1(metrics.className, 80), metrics.tracking]]);
    const shown = rows.slice(0, MAX_ROWS);
    shown.push(['**All classes**', overall.tracking]);
    const columns = [
        { header: 'Class' },
        ...COLUMNS.map(([header]) => ({ header, align: 'right' }))
    ];
    const body = shown.map(([name, tracking]) => [name, ...COLUMNS.map(([, cell]) => cell(tracking))]);
    const more = rows.length > shown.length - 1
        ? `\n_${rows.length - (shown.length - 1)} more classes are in report.json._\n`
        : '';
    return `**Video tracks** (per benchmark class)\n\n${table(columns, body)}${more}\n`;
}

const MAX_CLASS_ROWS = 50;
const MAX_CONTRIBUTORS = 5;
const MAX_NOTES = 10;
/** `worst` is null when the worst items are left out to save room. */
function annotatorDetails(standing, worst) {
    const { evaluation } = standing;
    const mark = VERDICT_MARK[standing.verdict];
    const summary = `${mark} ${annotatorName(evaluation.annotator)} · ${escapeMarkdown$1(evaluation.projectTitle)}`;
    const parts = [
        `<details>\n<summary>${summary}</summary>\n\n`,
        overview(evaluation),
        verdictLine(standing),
        scoresLine(evaluation),
        notes(evaluation.notes),
        `**Per class**\n\n${perClassTable(evaluation, objectClasses(evaluation.perClass))}\n`,
        trackingTable(evaluation.overall, evaluation.perClass),
        classificationTable(evaluation.perClass),
        `**Confusion matrix** (benchmark class down, training class across)\n\n`,
        `${confusionMarkdown(evaluation.confusion, objectClasses(evaluation.perClass).map((metrics) => metrics.className))}\n`,
        worst === null ? '' : worstItemsSection(worst),
        '</details>\n\n'
    ];
    return parts.join('');
}
function overview(evaluation) {
    const { coverage } = evaluation;
    const contributors = evaluation.contributors
        .slice(0, MAX_CONTRIBUTORS)
        .map((contributor) => `${escapeMarkdown$1(contributor.email)} (${contributor.annotations})`);
    const moreContributors = evaluation.contributors.length - contributors.length;
    const labelledBy = contributors.length === 0
        ? 'no creator recorded'
        : contributors.join(', ') + (moreContributors > 0 ? `, and ${moreContributors} more` : '');
    return (`Labelled by: ${labelledBy}.<br>\n` +
        `Data units scored: ${coverage.pairedRows} of ${coverage.benchmarkRows} in the benchmark; ` +
        `${coverage.notCompleted} not completed by the annotator (not counted as missed); ` +
        `${plural$1(coverage.unmatchedTrainingRows, 'training row')} not in the benchmark.\n\n`);
}
/** `Verdict: ⚠️ inconclusive, on 48 data units and 412 benchmark objects.` */
function verdictLine(standing) {
    const { verdict, dataUnits, benchmarkObjects } = standing;
    return (`Verdict: ${VERDICT_MARK[verdict]} ${VERDICT_PHRASE[verdict]}, on ` +
        `${plural$1(dataUnits, 'data unit')} and ${plural$1(benchmarkObjects, 'benchmark object')}.\n\n`);
}
/** Every score with its interval (the main table shows intervals of gated scores only). */
function scoresLine(evaluation) {
    const { intervals } = evaluation;
    if (intervals === null)
        return '';
    const scores = metricsComputedBy(evaluation.method).map((metric) => {
        const label = labelsUnder(metric, evaluation.method).label;
        const value = scoreOf(evaluation.overall, metric.name);
        return `${label} ${scoreWithInterval(value, intervals.overall[metric.name] ?? null, true)}`;
    });
    return `Scores with confidence intervals: ${scores.join(' · ')}\n\n`;
}
function notes(list) {
    if (list.length === 0)
        return '';
    const shown = list.slice(0, MAX_NOTES).map((note) => `- ${escapeMarkdown$1(note, 300)}\n`);
    const more = list.length > MAX_NOTES ? `- …and ${list.length - MAX_NOTES} more notes\n` : '';
    return `**Notes**\n\n${shown.join('')}${more}\n`;
}
function perClassTable(evaluation, perClass) {
    const { method } = evaluation;
    const intervalsOf = new Map((evaluation.intervals?.perClass ?? []).map((entry) => [entry.featureHash, entry.intervals]));
    if (perClass.length === 0)
        return '_No classes scored._\n';
    const shown = perClass.slice(0, MAX_CLASS_ROWS);
    const more = perClass.length > shown.length
        ? `\n_${perClass.length - shown.length} more classes are in report.json._\n`
        : '';
    const right = (header) => ({ header, align: 'right' });
    const scores = PER_CLASS_SCORES[method].map(metricFacts);
    const counts = PER_CLASS_COUNTS[method];
    const columns = [
        { header: 'Class' },
        ...counts.map(([header]) => right(header)),
        ...scores.map((metric) => right(labelsUnder(metric, method).label))
    ];
    const rows = shown.map((metrics) => [
        escapeMarkdown$1(metrics.className, 80),
        ...counts.map(([, count]) => String(metrics[count])),
        ...scores.map((metric) => evaluation.intervals === null
            ? formatMetric(metric.format, scoreOf(metrics, metric.name))
            : scoreWithInterval(scoreOf(metrics, metric.name), intervalsOf.get(metrics.featureHash)?.[metric.name] ?? null, true))
    ]);
    return table(columns, rows) + more;
}
/**
 * The scores of the per-class table. With one-to-one a wrong class has its own count column, so
 * class accuracy is left out; the script's class score is one of its two scores. Classification
 * accuracy has its own table.
 */
const PER_CLASS_SCORES = {
    'one-to-one': ['precision', 'recall', 'f1', 'meanIou', 'attributeAccuracy'],
    'encord-script': ['meanIou', 'classAccuracy']
};
const PER_CLASS_COUNTS = {
    'one-to-one': [
        ['Benchmark', 'benchmarkObjects'],
        ['Training', 'trainingObjects'],
        ['Matched', 'truePositives'],
        ['Wrong class', 'wrongClass'],
        ['Missed', 'missed'],
        ['Extra', 'extra']
    ],
    'encord-script': [['Training boxes', 'trainingObjects']]
};
/** Classes with objects on either side; classification questions have their own table. */
function objectClasses(perClass) {
    return perClass.filter((metrics) => metrics.benchmarkObjects + metrics.trainingObjects > 0);
}
function classificationTable(perClass) {
    const questions = perClass.filter((metrics) => metrics.classificationsCompared > 0);
    if (questions.length === 0)
        return '';
    const columns = [
        { header: 'Classification' },
        { header: 'Compared', align: 'right' },
        { header: 'Agreement', align: 'right' }
    ];
    const rows = questions
        .slice(0, MAX_CLASS_ROWS)
        .map((metrics) => [
        escapeMarkdown$1(metrics.className, 80),
        String(metrics.classificationsCompared),
        formatScore(metrics.classificationAccuracy)
    ]);
    return `**Classifications** (per frame, or per row when global)\n\n${table(columns, rows)}\n`;
}
function worstItemsSection(items) {
    if (items.length === 0)
        return '**Worst items**\n\n_Nothing to show: no misses, extras or wrong classes._\n\n';
    return `**Worst items**\n\n${worstItemsTable(items)}\n`;
}

/** GitHub's limit for one step's summary. */
const SUMMARY_LIMIT_BYTES$1 = 1024 * 1024;
const DETAILS_HEADING = '#### Per annotator\n\n';
// Line breaks between sections, and rounding: a little room the pieces do not account for.
const SLACK_BYTES = 64;
function renderSummary(result, options = {}) {
    const budget = new Budget((options.maxBytes ?? 900 * 1024) - SLACK_BYTES, utf8Bytes);
    const perKind = options.worstItemsPerKind ?? DEFAULT_WORST_ITEMS_PER_KIND;
    const all = standings(result);
    const evaluated = all.filter(isEvaluated);
    const unevaluated = all.flatMap((standing) => standing.status === 'failed' ? [standing.failure] : []);
    const link = artifactLink(options.artifactUrl);
    const where = `Every result is in ${link ?? filesInWords()}; every kept worst item, with its links, is in` +
        ` \`${REPORT_FILE_NAMES.html}\` there.`;
    const head = verdictMarkdown(verdictOf(result, all));
    const foot = settingsLine$1(result) + (link === null ? '' : `📎 Full results: ${link}\n`);
    const worstCaseNotice = omissionNotice('1 MiB', {
        tableRows: evaluated.length,
        tableFailedOnly: true,
        failures: unevaluated.length,
        details: evaluated.length,
        worstItems: evaluated.length
    }, where);
    // The audit's section is short (at most AUDIT_SUMMARY_ROWS suspects): always shown.
    const audit = renderAuditSection(result.audit);
    // So is preflight's (one row per project, the few findings): what is wrong with the set-up.
    const preflight = renderPreflightSection(result.preflight);
    budget.reserve(head + foot + worstCaseNotice + DETAILS_HEADING + audit + preflight);
    const tableFit = annotatorTable(result, all, budget);
    const failuresFit = failureList(unevaluated, budget);
    const progress = progressWithin(result, budget, false);
    const details = detailsWithin(evaluated, budget, perKind);
    const omissions = {
        tableRows: tableFit.omitted,
        tableFailedOnly: tableFit.failedOnly,
        failures: failuresFit.omitted,
        details: evaluated.length - details.shown,
        worstItems: perKind > 0 ? details.shown - details.withWorstItems : 0
    };
    const notice = anythingOmitted(omissions) ? omissionNotice('1 MiB', omissions, where) : '';
    return [
        head,
        notice,
        tableFit.text === '' ? '' : `${tableFit.text}\n`,
        failuresFit.text,
        progress,
        details.text === '' ? '' : DETAILS_HEADING + details.text,
        audit,
        preflight,
        foot
    ].join('');
}
/**
 * Details for as many annotators as fit, in input order, without worst items; then worst items
 * added to those details, in the same order, while they fit.
 */
function detailsWithin(evaluated, budget, perKind) {
    const texts = [];
    for (const standing of evaluated) {
        const text = annotatorDetails(standing, null);
        if (!budget.take(text))
            break;
        texts.push(text);
    }
    let withWorstItems = 0;
    for (const [index, text] of texts.entries()) {
        const standing = evaluated[index];
        if (standing === undefined || perKind <= 0)
            break;
        const richer = annotatorDetails(standing, limitWorstItems(standing.evaluation.worstItems, perKind));
        if (!budget.takeSize(budget.measure(richer) - budget.measure(text)))
            break;
        texts[index] = richer;
        withWorstItems++;
    }
    return { text: texts.join(''), shown: texts.length, withWorstItems };
}

/**
 * User strings on a terminal: made inert, shortened, and measured in columns.
 *
 * A project title can hold escape sequences (`\x1b[2J` clears the screen, OSC 8 fakes a link) or
 * bidirectional overrides that make text read differently from what it is; `inert` shows them as
 * escapes (`safeText`, the same rule as every other text sink). Widths count East Asian wide
 * characters and emoji as two columns and combining marks as none, which is what most terminals
 * do; exotic scripts may still be off by a column.
 */
function inert(text) {
    return safeText(text);
}
// Combining marks (variation selectors are among them) and zero-width spaces and joiners.
const ZERO_WIDTH = /^[\p{Mn}\p{Me}\u200b-\u200d\u2060]$/u;
const WIDE = /^[\u1100-\u115f\u231a\u231b\u2329\u232a\u23e9-\u23ec\u23f0\u23f3\u25fd\u25fe\u2614\u2615\u2648-\u2653\u267f\u2693\u26a1\u26aa\u26ab\u26bd\u26be\u26c4\u26c5\u26ce\u26d4\u26ea\u26f2\u26f3\u26f5\u26fa\u26fd\u2705\u270a\u270b\u2728\u274c\u274e\u2753-\u2755\u2757\u2795-\u2797\u27b0\u27bf\u2b1b\u2b1c\u2b50\u2b55\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\ua960-\ua97f\uac00-\ud7a3\uf900-\ufaff\ufe10-\ufe19\ufe30-\ufe6f\uff00-\uff60\uffe0-\uffe6\u{1f004}\u{1f0cf}\u{1f18e}\u{1f191}-\u{1f19a}\u{1f200}-\u{1f251}\u{1f300}-\u{1f64f}\u{1f680}-\u{1f6ff}\u{1f900}-\u{1f9ff}\u{1fa70}-\u{1faff}\u{20000}-\u{3fffd}]$/u;
function charWidth(char) {
    if (ZERO_WIDTH.test(char))
        return 0;
    return WIDE.test(char) ? 2 : 1;
}
function displayWidth(text) {
    let width = 0;
    for (const char of text)
        width += charWidth(char);
    return width;
}
/** At most `maxWidth` columns, ending in `…` when cut. */
function fitWidth(text, maxWidth) {
    if (displayWidth(text) <= maxWidth)
        return text;
    let width = 0;
    let kept = '';
    for (const char of text) {
        const next = charWidth(char);
        if (width + next > maxWidth - 1)
            break;
        kept += char;
        width += next;
    }
    return `${kept}…`;
}
function padEnd(text, width) {
    return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}
function padStart(text, width) {
    return ' '.repeat(Math.max(0, width - displayWidth(text))) + text;
}

/**
 * The main thread's side of the scoring workers: starts them, hands each task to the worker with
 * the fewest in hand, sends them the benchmark once it is loaded, and turns their answers back
 * into `ScoredProject`s. A worker that dies answers the tasks it held with `worker-lost` (the
 * scorer then does them on the main thread); the others go on.
 */
class ScoringPool {
    members;
    nextTask = 0;
    constructor(script, size, setup, log) {
        this.members = Array.from({ length: size }, () => this.start(script, setup, log));
    }
    /** Sends the benchmark's label model to every worker (serialized once). */
    setBenchmark(labels) {
        this.broadcast({ type: 'benchmark', labels: serialize(labels) });
    }
    /** Tells every worker the benchmark failed: each stops downloading and answers so. */
    benchmarkFailed() {
        this.broadcast({ type: 'benchmark-failed' });
    }
    score(id) {
        const member = this.leastBusy();
        if (member === undefined) {
            return Promise.resolve({ kind: 'worker-lost', reason: 'every scoring worker has stopped' });
        }
        const task = this.nextTask++;
        return new Promise((resolve) => {
            member.pending.set(task, { id, resolve });
            member.worker.postMessage({ type: 'score', task, id });
        });
    }
    /** Tasks held by the least busy worker still running (Infinity when none is). */
    fewestTasks() {
        return this.leastBusy()?.pending.size ?? Infinity;
    }
    async close() {
        await Promise.all(this.members.map((member) => member.worker.terminate()));
    }
    start(script, setup, log) {
        const worker = new Worker(script, { workerData: setup });
        const member = { worker, pending: new Map(), alive: true };
        let failure = null;
        worker.on('message', (message) => {
            switch (message.type) {
                case 'log':
                    log[message.level](message.message);
                    break;
                case 'benchmark-failed':
                    this.settle(member, message.task, { kind: 'benchmark-failed' });
                    break;
                case 'scored':
                    this.settle(member, message.task, {
                        kind: 'scored',
                        scored: { outcome: message.outcome, csvRows: message.csv, audit: message.audit }
                    });
                    break;
            }
        });
        worker.on('error', (error) => {
            failure ??= error;
        });
        worker.on('exit', (code) => {
            member.alive = false;
            const reason = failure ?? new Error(`a scoring worker stopped (exit code ${code})`);
            for (const task of member.pending.keys())
                this.settle(member, task, { kind: 'worker-lost', reason: describeError(reason) });
        });
        return member;
    }
    settle(member, task, answer) {
        const pending = member.pending.get(task);
        if (pending === undefined)
            return;
        member.pending.delete(task);
        pending.resolve(answer);
    }
    leastBusy() {
        let best;
        for (const member of this.members) {
            if (!member.alive)
                continue;
            if (best === undefined || member.pending.size < best.pending.size)
                best = member;
        }
        return best;
    }
    broadcast(message) {
        for (const member of this.members)
            if (member.alive)
                member.worker.postMessage(message);
    }
}

/**
 * How a run scores its projects: in this thread, or on scoring workers (one per core) with the
 * benchmark loaded here and sent to them. Either way the benchmark is loaded once, training
 * projects start loading while it loads, and a benchmark failure is the run's failure.
 */
/**
 * How many threads score: this one plus a worker per further core, at most one per training
 * project; this one alone without the worker script or with an injected client. The run sizes
 * its projects in hand from it (`pipeline.ts`), and `createScorer` starts the workers it counts.
 */
function scoringThreads(setup) {
    if (setup.workerScript === undefined || setup.createClient !== undefined)
        return 1;
    return Math.max(1, Math.min(availableParallelism(), setup.trainingCount));
}
async function createScorer(setup) {
    // This thread scores as well, so one worker fewer than the scoring threads (or than projects
    // at once: more threads would sit idle).
    const workers = Math.min(scoringThreads(setup), setup.projectsAtOnce) - 1;
    const { workerScript } = setup;
    if (workerScript === undefined || workers < 1)
        return inThisThread(setup);
    return withWorkers(setup, workerScript, workers);
}
async function inThisThread(setup) {
    const { requestMemory } = setup;
    const load = await makeLoader({
        ...setup,
        createClient: setup.createClient ??
            defaultClientFactory(setup.version, requestMemory === undefined ? undefined : sharedRequestLimit(requestMemory))
    });
    let benchmark = notLoadedYet();
    return {
        loadBenchmark(id) {
            benchmark = load(id, 'benchmark');
            return benchmark.then(summaryOf);
        },
        score: (id) => scoreTrainingProject(id, load, benchmark, setup.evaluation, setup.signal),
        auditIndex: () => benchmark.then(auditIndexOf),
        close: async () => { }
    };
}
/**
 * This thread scores too: it holds the benchmark anyway, and a worker's copy costs a
 * serialization and the memory of one more heap. Each task goes to whoever holds fewest. A task
 * whose worker stopped (it crashed, ran out of memory, or dist/worker.js is missing) is done
 * here instead: a worker's trouble never costs a project its score.
 */
async function withWorkers(setup, script, workers) {
    const { source } = setup;
    const memory = source.kind === 'encord' ? (setup.requestMemory ?? sharedLimitMemory(source.concurrency)) : null;
    const load = await makeLoader({
        ...setup,
        createClient: defaultClientFactory(setup.version, memory === null ? undefined : sharedRequestLimit(memory))
    });
    const pool = new ScoringPool(script, workers, {
        source,
        workflowStage: setup.workflowStage,
        evaluation: setup.evaluation,
        requestLimit: memory,
        version: setup.version
    }, setup.log);
    let benchmark = notLoadedYet();
    let inThisThread = 0;
    // Once closed, a task whose worker was stopped is not taken up here: the run is over.
    let closed = false;
    return {
        loadBenchmark(id) {
            benchmark = load(id, 'benchmark');
            benchmark.then((labels) => pool.setBenchmark(labels), () => pool.benchmarkFailed());
            return benchmark.then(summaryOf);
        },
        async score(id) {
            const here = async () => {
                inThisThread += 1;
                try {
                    return await scoreTrainingProject(id, load, benchmark, setup.evaluation, setup.signal);
                }
                finally {
                    inThisThread -= 1;
                }
            };
            if (inThisThread <= pool.fewestTasks())
                return here();
            const answer = await pool.score(id);
            switch (answer.kind) {
                case 'scored':
                    return answer.scored;
                case 'worker-lost':
                    if (closed)
                        throw new Error(`the scorer was closed before ${id} was scored`);
                    setup.log.warning(`A scoring worker stopped (${answer.reason}); scoring ${id} on the main thread instead.`);
                    return here();
                case 'benchmark-failed':
                    await benchmark;
                    throw new Error('a worker reported a benchmark failure, but the benchmark loaded');
            }
        },
        auditIndex: () => benchmark.then(auditIndexOf),
        close: () => {
            closed = true;
            return pool.close();
        }
    };
}
/** The benchmark before `loadBenchmark`: a rejection nobody need handle until `score` reads it. */
function notLoadedYet() {
    const never = Promise.reject(new Error('the benchmark is not loaded'));
    never.catch(() => { });
    return never;
}
function summaryOf(labels) {
    // Data units, each once: a unit listed twice is one unit, as in every project's coverage.
    const rows = new Set(labels.rows.map((row) => row.dataHash)).size;
    const videoRows = new Set(labels.rows.filter((row) => hasTracks(row.dataType)).map((row) => row.dataHash)).size;
    return { projectHash: labels.projectHash, title: labels.title, rows, videoRows };
}

/**
 * The track scores' thresholds (`min-idf1`, `min-mota`) need video: on a benchmark without a video
 * data unit there is no track to score, and a gate on a score that cannot exist would fail every
 * annotator for a reason they cannot fix. Said once the benchmark is loaded, before any verdict.
 */
function checkVideoThresholds(thresholds, benchmarkVideoRows) {
    if (benchmarkVideoRows > 0)
        return;
    for (const metric of METRICS) {
        if (!('videoOnly' in metric) || metric.threshold === null)
            continue;
        if (thresholds[metric.name] === undefined)
            continue;
        throw new InputError(`Input '${metric.threshold}' needs video: the benchmark has no video data unit, so there are no tracks to score ${metric.phrase} on; remove ${metric.threshold}`, metric.threshold);
    }
}

/**
 * sources → evaluation → gate, shared by the action and the CLI. The benchmark is loaded once and
 * shared; training projects are loaded and scored concurrently under a limit, on scoring workers
 * when the entry point provides them (one per core), else in this thread. As each project is
 * scored, its CSV rows go to `csvRows` (in input order) and only a small `ProjectResult` is kept,
 * so only the benchmark and the projects in flight are in memory.
 * A training project that fails is reported as such; the others are still scored.
 */
async function evaluateRun(config, deps) {
    const { source } = config;
    const trainingIds = source.kind === 'encord' ? source.trainingProjects : source.trainingExports;
    // Aborted when the run cannot go on (the benchmark failed): no further request is sent.
    const cancel = new AbortController();
    // One limit on requests in flight for the whole run (the user's `concurrency`), shared by
    // preflight and scoring on every thread: the two overlap.
    const requestMemory = source.kind === 'encord' && deps.createClient === undefined
        ? sharedLimitMemory(source.concurrency)
        : undefined;
    // Preflight's requests go out at once, while the scorer starts and the benchmark loads; a
    // training project starts loading once preflight has checked it, and preflight's report is
    // given before anything is scored (`scoreAll`). Not cancelled with the run: when the benchmark
    // fails, preflight's own error on it is the one to give.
    const preflight = config.preflight && source.kind === 'encord'
        ? startPreflight({
            source,
            stage: config.workflowStage,
            log: deps.log,
            signal: new AbortController().signal,
            version: deps.tool.version,
            ...(deps.createClient ? { createClient: deps.createClient } : {}),
            ...(requestMemory ? { requestLimit: sharedRequestLimit(requestMemory) } : {})
        })
        : null;
    // Read by scoreAll; until then (or if the scorer cannot start) its failure is not unhandled.
    preflight?.report.catch(() => { });
    const projectsAtOnce = projectConcurrency(config, scoringThreads({
        workerScript: deps.workerScript,
        createClient: deps.createClient,
        trainingCount: trainingIds.length
    }));
    const scorer = await createScorer({
        source,
        workflowStage: config.workflowStage,
        evaluation: config.evaluation,
        trainingCount: trainingIds.length,
        projectsAtOnce,
        log: deps.log,
        signal: cancel.signal,
        version: deps.tool.version,
        ...(deps.createClient ? { createClient: deps.createClient } : {}),
        ...(deps.workerScript ? { workerScript: deps.workerScript } : {}),
        ...(requestMemory ? { requestMemory } : {})
    });
    // Whatever happens, the workers are stopped: a live worker keeps the process running.
    try {
        return await scoreAll(config, deps, scorer, cancel, projectsAtOnce, preflight);
    }
    finally {
        await scorer.close();
    }
}
/** A training project that was not scored because the run stopped (the benchmark failed). */
const NOT_SCORED = Symbol('not scored');
async function scoreAll(config, deps, scorer, cancel, projectsAtOnce, preflightRun) {
    const { log } = deps;
    const { source } = config;
    const benchmarkId = source.kind === 'encord' ? source.benchmarkProject : source.benchmarkExport;
    const trainingIds = source.kind === 'encord' ? source.trainingProjects : source.trainingExports;
    const count = trainingIds.length;
    // Once stopped, no queued project starts and the downloads in flight are cancelled; every
    // project still settles, so the run always ends.
    let stopped = false;
    const stop = () => {
        stopped = true;
        cancel.abort();
    };
    const benchmark = scorer.loadBenchmark(benchmarkId).then((summary) => {
        checkVideoThresholds(config.thresholds, summary.videoRows);
        return summary;
    });
    benchmark.catch(stop);
    /** Resolves to the benchmark's error if it fails, to undefined once it has loaded. */
    const benchmarkError = benchmark.then(() => undefined, (error) => error);
    const limit = pLimit(projectsAtOnce);
    const ahead = projectsAhead(projectsAtOnce);
    const rows = new InInputOrder(deps.csvRows ?? (() => { }));
    // Training projects start loading while the benchmark loads (scoring waits for it), but their
    // progress lines wait for the scoring group: log groups do not nest.
    let showProgress;
    const progressShown = new Promise((resolve) => (showProgress = resolve));
    let done = 0;
    // Audit records in input order (`results/audit-record.ts`): small, read once at the end.
    const auditRecords = trainingIds.map(() => null);
    const scoreOne = async (id, index) => {
        let csv = null;
        try {
            // A project's rows wait for every project before it; so that waiting rows never pile up
            // behind one slow project, a project starts only once the one `ahead` places before it
            // has been handed on.
            await rows.handedOn(index - ahead);
            const verdict = preflightRun === null ? null : await preflightRun.verdict(id);
            if (verdict === 'stopped')
                return NOT_SCORED;
            return await limit(async () => {
                if (stopped)
                    return NOT_SCORED;
                if (verdict !== null)
                    return { status: 'failed', failure: verdict };
                try {
                    const scored = await scorer.score(id);
                    csv = scored.csvRows;
                    auditRecords[index] = scored.audit;
                    return scored.outcome;
                }
                catch (error) {
                    // The scorer rejects with the benchmark's own error: the run's failure, said once.
                    if (error === (await benchmarkError))
                        return NOT_SCORED;
                    throw error;
                }
            });
        }
        finally {
            // Its turn passes even when it has no rows, so the projects after it are not held.
            rows.put(index, csv);
        }
    };
    const tasks = trainingIds.map((id, index) => scoreOne(id, index).then(async (outcome) => {
        if (outcome === NOT_SCORED)
            return outcome;
        await progressShown;
        done += 1;
        const what = outcome.status === 'evaluated'
            ? `${outcome.evaluation.projectTitle}: ${outcome.evaluation.coverage.pairedRows} rows scored`
            : `failed: ${outcome.failure.message}`;
        log.info(`[${done}/${count}] ${id} ${what}`);
        return outcome;
    }, (error) => {
        stop();
        throw error;
    }));
    // Preflight's report, in its own log group before anything else. An error on the benchmark
    // ends the run here, as if preflight had run alone: it found it before any training project
    // was checked, so none was started; the benchmark's load (begun alongside) is stopped, and
    // preflight's error is the only one given.
    let preflight = null;
    if (preflightRun !== null) {
        try {
            preflight = await log.group('Preflight: check the set-up', async () => reportPreflight(await preflightRun.report, log));
        }
        catch (error) {
            stop();
            benchmark.catch(() => { });
            // Every project settles before the run ends (none was started; should one have been, its
            // line is not held back waiting for a scoring group that will not open).
            showProgress();
            await Promise.allSettled(tasks);
            throw error;
        }
    }
    let benchmarkSummary;
    try {
        benchmarkSummary = await log.group(`Load the benchmark project ${benchmarkId}`, () => benchmark);
    }
    catch (error) {
        showProgress();
        const settled = await Promise.allSettled(tasks);
        const unscored = settled.filter((task) => task.status === 'fulfilled' && task.value === NOT_SCORED).length;
        if (unscored > 0) {
            log.info(`${unscored} of ${count} training project${count === 1 ? '' : 's'} not scored: the benchmark failed`);
        }
        throw firstRejection(settled) ?? error;
    }
    const projects = await log.group(`Score ${count} training project(s)`, async () => {
        showProgress();
        const settled = await Promise.allSettled(tasks);
        const failure = firstRejection(settled);
        if (failure !== undefined)
            throw failure;
        await rows.settled();
        return settled.map((task) => {
            if (task.status === 'fulfilled' && task.value !== NOT_SCORED)
                return task.value;
            throw new Error('a training project was stopped although the run went on');
        });
    });
    const audited = await auditRun(config, scorer, projects, auditRecords, {
        benchmarkId,
        benchmarkHash: benchmarkSummary.projectHash,
        log
    });
    return {
        tool: deps.tool,
        source: source.kind === 'encord' ? 'encord-api' : 'export-files',
        settings: {
            method: config.evaluation.method,
            iouThreshold: config.evaluation.iouThreshold,
            workflowStage: config.workflowStage,
            thresholds: config.thresholds,
            gateOn: config.gate.gateOn,
            onInconclusive: config.gate.onInconclusive,
            minDataUnits: config.gate.minDataUnits,
            bootstrapSamples: config.evaluation.intervals.samples,
            confidenceLevel: config.evaluation.intervals.confidenceLevel
        },
        benchmark: {
            projectHash: benchmarkSummary.projectHash,
            title: benchmarkSummary.title,
            rows: benchmarkSummary.rows
        },
        projects: audited.projects,
        gate: applyGate(audited.projects, { thresholds: config.thresholds, ...config.gate }),
        ...(audited.audit === null ? {} : { audit: audited.audit }),
        ...(preflight === null ? {} : { preflight })
    };
}
/**
 * The benchmark audit over every project's record, and with `exclude-suspects` the projects'
 * scores without the suspects of kinds 1 and 2 (before the gate reads them). Under
 * `encord-script` the audit is skipped with a note: it needs the one-to-one matching.
 */
async function auditRun(config, scorer, projects, records, run) {
    const settings = config.evaluation.audit;
    if (settings === undefined)
        return { projects, audit: null };
    if (config.evaluation.method !== 'one-to-one') {
        return { projects, audit: skippedAudit(settings) };
    }
    const index = await scorer.auditIndex();
    const present = records.filter((record) => record !== null);
    const { audit, excluded } = auditBenchmark(index, present, {
        ...settings,
        iouThreshold: config.evaluation.iouThreshold,
        editorOrigin: config.evaluation.report?.editorOrigin ?? null,
        benchmarkId: run.benchmarkId
    });
    run.log.info(`Benchmark audit: ${audit.suspects.length} suspect(s) on ${audit.unitsAudited} data unit(s) audited`);
    if (!settings.excludeSuspects || excluded.size === 0)
        return { projects, audit };
    const { samples, confidenceLevel } = config.evaluation.intervals;
    const changed = projects.map((outcome, i) => {
        const record = records[i];
        if (outcome.status !== 'evaluated' || !record)
            return outcome;
        const { result } = withoutExcluded(outcome.evaluation, record, index, excluded, {
            samples,
            confidenceLevel,
            benchmarkHash: run.benchmarkHash
        });
        return { ...outcome, evaluation: result };
    });
    return { projects: changed, audit };
}
/** The first error among settled tasks (an unexpected one: a project's own failure is an outcome). */
function firstRejection(settled) {
    const rejected = settled.find((task) => task.status === 'rejected');
    return rejected === undefined ? undefined : rejected.reason;
}
/**
 * How many training projects are loaded and scored at once. Requests are limited separately by
 * the client; this bounds memory (each project's label JSON is held until it is scored). From
 * Encord, at least two per scoring thread (`scoringThreads`), so that each thread has its next
 * project loading while it scores one and never waits on the network while there is work: on a
 * 4-core runner the default concurrency alone would give one per thread.
 */
function projectConcurrency(config, threads) {
    // Export files are read from disk, with no latency to hide: one project per thread.
    if (config.source.kind !== 'encord')
        return Math.max(2, threads);
    return Math.max(2, Math.ceil(config.source.concurrency / 2), 2 * threads);
}
/**
 * How far past the first project whose rows are not yet written a project may start: this many
 * finished projects' CSV rows at most are held while they wait their turn (a few MB each for
 * 1,000-row projects), however many projects the run has.
 */
function projectsAhead(projectsAtOnce) {
    return Math.max(8, 4 * projectsAtOnce);
}

function kindOf(literal) {
    if (literal === null)
        return 'null';
    if (typeof literal === 'string')
        return 'string';
    if (typeof literal === 'number')
        return 'number';
    return 'boolean';
}
const ARTICLE_NOUN = {
    string: 'a string',
    number: 'a number',
    boolean: 'a boolean',
    null: 'null',
    object: 'an object',
    array: 'an array'
};
/** "a string", "an array", … for messages such as `must be an array, not a string`. */
function describeKind(kind) {
    return ARTICLE_NOUN[kind];
}
/** A short description of a value for messages: `(2 entries)`, `("a.mp4")`, `(true)`. */
function describeValue(value) {
    if (value === undefined)
        return '(no valid value)';
    switch (value.kind) {
        case 'array':
            return value.size === 0 ? '(an empty array)' : `(${plural(value.size, 'entry', 'entries')})`;
        case 'object':
            return value.size === 0
                ? '(an empty object)'
                : `(an object with ${plural(value.size, 'key')})`;
        case 'string':
            return `(${quote(String(value.literal))})`;
        default:
            return `(${String(value.literal)})`;
    }
}
function plural(count, singular, pluralForm = `${singular}s`) {
    return `${count.toLocaleString('en-US')} ${count === 1 ? singular : pluralForm}`;
}
/** A JSON-quoted string, shortened so one message never carries a 16 KB URL. */
function quote(text, max = 80) {
    const shown = text.length > max ? `${text.slice(0, max - 1)}…` : text;
    return JSON.stringify(shown);
}
/** Bytes the string takes in UTF-8, without allocating an encoded copy. */
function utf8ByteLength(text) {
    let bytes = 0;
    for (let i = 0; i < text.length; i++) {
        const code = text.charCodeAt(i);
        if (code < 0x80)
            bytes += 1;
        else if (code < 0x800)
            bytes += 2;
        else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
            const next = text.charCodeAt(i + 1);
            if (next >= 0xdc00 && next <= 0xdfff) {
                bytes += 4;
                i++;
            }
            else
                bytes += 3;
        }
        else
            bytes += 3;
    }
    return bytes;
}
/** Characters as a person counts them (code points), so an emoji is one, not two. */
function codePointLength(text) {
    let count = 0;
    for (const _ of text)
        count++;
    return count;
}

/** Renders registration check results for people: a markdown job summary and terminal lines. */
/** GitHub refuses job summaries above 1 MiB. */
const SUMMARY_LIMIT_BYTES = 1024 * 1024;
/** Room kept for the truncation notice, so adding it never crosses the limit. */
const NOTICE_RESERVE_BYTES = 512;
/**
 * `file:line:column: error [rule] message`, the form editors and terminals link. Messages quote
 * values from the file, so control characters are shown as escapes (`safeText`).
 */
function formatDiagnosticLine(file, d) {
    return safeText(`${file}:${d.line}:${d.column}: ${d.severity} [${d.rule}] ${d.message}`);
}
function countDiagnostics(reports) {
    let errors = 0;
    let warnings = 0;
    let filesWithProblems = 0;
    for (const report of reports) {
        if (report.diagnostics.length > 0)
            filesWithProblems++;
        for (const d of report.diagnostics) {
            if (d.severity === 'error')
                errors++;
            else
                warnings++;
        }
    }
    return { errors, warnings, filesWithProblems };
}
/** The one-line outcome, shared by the summary and the CLI. */
function registrationVerdict(reports) {
    const files = plural(reports.length, 'registration file');
    if (reports.length === 0)
        return 'No registration files were checked.';
    const { errors, warnings, filesWithProblems } = countDiagnostics(reports);
    const found = [
        errors > 0 ? plural(errors, 'error') : undefined,
        warnings > 0 ? plural(warnings, 'warning') : undefined
    ]
        .filter((part) => part !== undefined)
        .join(' and ');
    if (errors > 0)
        return `Failed: ${found} in ${filesWithProblems} of ${files}.`;
    if (warnings > 0)
        return `Passed with warnings: ${found} in ${filesWithProblems} of ${files}.`;
    return `Passed: ${files}, no problems found.`;
}
const ICON = { error: '❌', warning: '⚠️' };
/**
 * Markdown for the job summary: a verdict line, then one table row per diagnostic, errors
 * first so that trimming to the size limit never hides an error behind a warning.
 */
function renderRegistrationSummary(reports) {
    const { errors, warnings } = countDiagnostics(reports);
    const icon = errors > 0 ? ICON.error : warnings > 0 ? ICON.warning : '✅';
    const head = `## Encord registration files\n\n${icon} ${escapeMarkdown(registrationVerdict(reports))}\n`;
    const rows = reports
        .flatMap((report, fileIndex) => report.diagnostics.map((d) => ({ file: report.file, fileIndex, d })))
        .sort((a, b) => severityRank(a.d) - severityRank(b.d) ||
        a.fileIndex - b.fileIndex ||
        a.d.line - b.d.line ||
        a.d.column - b.d.column);
    if (rows.length === 0)
        return head;
    const table = [
        '',
        '| File | Line:col | Severity | Rule | Message |',
        '| --- | --- | --- | --- | --- |'
    ];
    let bytes = utf8ByteLength(head) + utf8ByteLength(table.join('\n')) + 1;
    let shown = 0;
    for (const { file, d } of rows) {
        const row = `| ${escapeMarkdown(file)} | ${d.line}:${d.column} | ${ICON[d.severity]} ${d.severity} | ${escapeMarkdown(d.rule)} | ${escapeMarkdown(d.message)} |`;
        const rowBytes = utf8ByteLength(row) + 1;
        if (bytes + rowBytes > SUMMARY_LIMIT_BYTES - NOTICE_RESERVE_BYTES)
            break;
        table.push(row);
        bytes += rowBytes;
        shown++;
    }
    let markdown = `${head}${table.join('\n')}\n`;
    const hidden = rows.length - shown;
    if (hidden > 0) {
        markdown += `\n> ${plural(hidden, 'more diagnostic')} not shown: a job summary is limited to 1 MiB. The job log lists them all, or run \`encord-annotator-eval check-registration\` locally.\n`;
    }
    return markdown;
}
function severityRank(d) {
    return d.severity === 'error' ? 0 : 1;
}
/**
 * Makes user text (file names, keys, URLs inside messages) inert in a markdown table cell, by the
 * rule every markdown sink shares (`escapeMarkdown` in `src/report/`), uncut: a diagnostic's
 * message is already short, and the budget above bounds the whole report.
 */
function escapeMarkdown(text) {
    return escapeMarkdown$1(text, Number.POSITIVE_INFINITY);
}

/**
 * Every rule the registration checker applies, with its severity. Errors are mistakes that make
 * Encord reject the file or silently lose data; warnings are the guide's advice.
 */
const RULES = {
    'unreadable-file': { severity: 'error', summary: 'The file cannot be read.' },
    encoding: { severity: 'error', summary: 'The file is not UTF-8 text.' },
    'json-syntax': { severity: 'error', summary: 'The file is not valid JSON.' },
    'too-deep': {
        severity: 'error',
        summary: 'JSON nested deeper than 512 levels; the checker stops there.'
    },
    'trailing-comma': { severity: 'error', summary: 'A comma before `}` or `]`: invalid JSON.' },
    'duplicate-key': {
        severity: 'error',
        summary: 'A key appears twice in one object; parsers keep the last and drop the first.'
    },
    'value-type': { severity: 'error', summary: 'A known key holds a value of the wrong type.' },
    'missing-field': {
        severity: 'error',
        summary: 'An entry lacks `objectUrl`, `title` or `objectUrl_0`, or it is empty.'
    },
    'url-gap': { severity: 'error', summary: '`objectUrl_0`, `objectUrl_1`, … skip a position.' },
    'metadata-missing': { severity: 'error', summary: 'A media metadata object lacks a field.' },
    'metadata-type': { severity: 'error', summary: 'A media metadata field has the wrong type.' },
    'title-too-long': { severity: 'error', summary: 'A title is longer than 300 characters.' },
    'url-too-long': { severity: 'error', summary: 'A URL is larger than 16 KB.' },
    'sequence-too-long': {
        severity: 'error',
        summary: 'An image sequence has more than 32,767 images.'
    },
    'too-many-items': { severity: 'error', summary: 'The file registers more than 500,000 items.' },
    'too-many-urls': { severity: 'error', summary: 'The file holds more than 1,000,000 URLs.' },
    'unknown-key': { severity: 'warning', summary: 'A top-level key Encord does not know.' },
    'unknown-entry-key': { severity: 'warning', summary: 'An entry key Encord does not know.' },
    'unknown-metadata-field': {
        severity: 'warning',
        summary: 'A media metadata field Encord does not know.'
    },
    'long-sequence': {
        severity: 'warning',
        summary: 'An image sequence has more than the advised 15,000 images.'
    },
    'duplicate-url': { severity: 'warning', summary: 'The same URL is listed more than once.' },
    'batch-size': {
        severity: 'warning',
        summary: 'More than the advised batch of 100 videos or 1,000 images.'
    },
    'no-items': { severity: 'warning', summary: 'The file registers nothing.' }
};

/** What the registration checker reports, and the collector that gathers it. */
/**
 * How many diagnostics of one rule a file keeps. A generated file with one systematic mistake
 * would otherwise carry 500,000 copies of it, in memory and in the job summary.
 */
const MAX_DIAGNOSTICS_PER_RULE = 100;
/** Gathers diagnostics for one file: severity comes from the rule, repeats are capped. */
class DiagnosticCollector {
    maxPerRule;
    kept = [];
    countByRule = new Map();
    firstDroppedByRule = new Map();
    constructor(maxPerRule = MAX_DIAGNOSTICS_PER_RULE) {
        this.maxPerRule = maxPerRule;
    }
    add(rule, message, at, related) {
        const count = (this.countByRule.get(rule) ?? 0) + 1;
        this.countByRule.set(rule, count);
        if (count > this.maxPerRule) {
            if (!this.firstDroppedByRule.has(rule))
                this.firstDroppedByRule.set(rule, at);
            return;
        }
        const diagnostic = {
            severity: RULES[rule].severity,
            rule,
            message,
            line: at.line,
            column: at.column
        };
        if (related)
            diagnostic.related = { line: related.line, column: related.column };
        this.kept.push(diagnostic);
    }
    hasErrors() {
        return this.kept.some((d) => d.severity === 'error');
    }
    /** Everything kept, in reading order, plus one notice per rule that hit the cap. */
    finish() {
        const all = [...this.kept];
        for (const [rule, at] of this.firstDroppedByRule) {
            const dropped = (this.countByRule.get(rule) ?? 0) - this.maxPerRule;
            all.push({
                severity: RULES[rule].severity,
                rule,
                message: `${dropped} more [${rule}] ${dropped === 1 ? 'diagnostic' : 'diagnostics'} from here on not shown (only the first ${this.maxPerRule} are kept)`,
                line: at.line,
                column: at.column
            });
        }
        return all.sort(byPosition);
    }
}
function byPosition(a, b) {
    return a.line - b.line || a.column - b.column;
}
function formatPosition(p) {
    return `${p.line}:${p.column}`;
}

/**
 * Positions of the given offsets in one pass over the text. Line breaks are counted as
 * jsonc-parser counts them (`\n`, `\r\n` and a lone `\r`), so columns agree with the visitor's.
 */
function positionsAt(text, offsets) {
    const wanted = [...new Set(offsets)].sort((a, b) => a - b);
    const positions = new Map();
    let line = 1;
    let lineStart = 0;
    let scanned = 0;
    for (const offset of wanted) {
        for (; scanned < offset && scanned < text.length; scanned++) {
            const code = text.charCodeAt(scanned);
            if (code === 10 || (code === 13 && text.charCodeAt(scanned + 1) !== 10)) {
                line++;
                lineStart = scanned + 1;
            }
        }
        positions.set(offset, { line, column: offset - lineStart + 1 });
    }
    return positions;
}

/**
 * Finds URLs listed more than once in a file. Only the first offset of each URL is kept (a number,
 * not a position object), and positions are recovered at the end for the few that repeat.
 */
class DuplicateUrls {
    firstOffsetByUrl = new Map();
    repeats = new Map();
    add(url, offset, at) {
        const firstOffset = this.firstOffsetByUrl.get(url);
        if (firstOffset === undefined) {
            this.firstOffsetByUrl.set(url, offset);
            return;
        }
        const repeat = this.repeats.get(url);
        if (repeat)
            repeat.count++;
        else
            this.repeats.set(url, { at, firstOffset, count: 2 });
    }
    /** One warning per repeated URL, at its second occurrence. */
    report(text, report) {
        if (this.repeats.size === 0)
            return;
        const firsts = positionsAt(text, [...this.repeats.values()].map((r) => r.firstOffset));
        for (const [url, repeat] of this.repeats) {
            const first = firsts.get(repeat.firstOffset) ?? { line: 1, column: 1 };
            const times = repeat.count === 2 ? 'twice' : `${repeat.count} times`;
            report.add('duplicate-url', `${quote(url)} is listed ${times} (first at ${formatPosition(first)}); remove the copies: the guide documents skip_duplicate_urls for URLs already in the dataset, not for repeats within a file`, repeat.at, first);
        }
    }
}

/** Encord's limits and advice for one registration file, as the training guide states them. */
/** "Encord supports file names up to 300 characters in length." */
const MAX_TITLE_CHARACTERS = 300;
/** "URLs can be up to 16 KB in size." Read as 16 × 1024 bytes of UTF-8. */
const MAX_URL_BYTES = 16 * 1024;
/** "Up to 1 million URLs" per JSON file. */
const MAX_URLS_PER_FILE = 1_000_000;
/** "A maximum of 500,000 items (e.g. images, image groups, videos, DICOMs)" per JSON file. */
const MAX_ITEMS_PER_FILE = 500_000;
/** "Encord supports up to 32,767 entries (21:50 minutes) for a single image sequence." */
const MAX_SEQUENCE_IMAGES = 32_767;
/** "We recommend up to 10,000 to 15,000 entries for a single image sequence." */
const ADVISED_SEQUENCE_IMAGES = 15_000;
/** "Limit uploads to 100 videos or up to 1,000 images at a time." */
const ADVISED_VIDEOS_PER_FILE = 100;
const ADVISED_IMAGES_PER_FILE = 1_000;
/**
 * Not Encord's: how deep the checker follows nested JSON. A registration file needs four levels
 * (root, list, entry, metadata) plus whatever `clientMetadata` holds; the JSON parser recurses
 * once per level, and a file nested thousands deep would exhaust the stack. Deeper than this, the
 * file is reported and the rest of it left unchecked.
 */
const MAX_NESTING_DEPTH = 512;

/**
 * The shape of an Encord data-registration JSON file, as the training guide (step 1) describes it.
 * Where the guide is silent, the Encord Python SDK's upload DTOs (`encord/orm/storage.py`) are the
 * source; those places say so.
 */
/** Top-level keys whose value is a list of entries with one `objectUrl` each. */
const SINGLE_URL_KINDS = ['videos', 'audio', 'pdfs', 'text', 'images', 'nifti'];
/** Top-level keys whose entries list their files as `objectUrl_0`, `objectUrl_1`, … */
const NUMBERED_URL_KINDS = ['image_groups', 'dicom_series'];
const DATA_KINDS = [...SINGLE_URL_KINDS, ...NUMBERED_URL_KINDS];
const SKIP_DUPLICATE_URLS = 'skip_duplicate_urls';
const TOP_LEVEL_KEYS = [...DATA_KINDS, SKIP_DUPLICATE_URLS];
function isDataKind(key) {
    return DATA_KINDS.includes(key);
}
function hasNumberedUrls(kind) {
    return kind === 'image_groups' || kind === 'dicom_series';
}
/** What one entry of a data list is called in messages. */
const ENTRY_NOUN = {
    videos: 'video',
    audio: 'audio file',
    pdfs: 'PDF',
    text: 'text file',
    images: 'image',
    nifti: 'NIfTI file',
    image_groups: 'image group',
    dicom_series: 'DICOM series'
};
/** The same, with its article: "an image group", "a DICOM series". */
const ENTRY_NOUN_WITH_ARTICLE = {
    videos: 'a video',
    audio: 'an audio file',
    pdfs: 'a PDF',
    text: 'a text file',
    images: 'an image',
    nifti: 'a NIfTI file',
    image_groups: 'an image group',
    dicom_series: 'a DICOM series'
};
const OBJECT_URL = 'objectUrl';
const TITLE = 'title';
const CREATE_VIDEO = 'createVideo';
const CLIENT_METADATA = 'clientMetadata';
/** `objectUrl_<position>`, position written without leading zeros. */
const NUMBERED_URL_KEY = /^objectUrl_(0|[1-9][0-9]*)$/;
/** The position of a numbered URL key, or undefined when the key is not one. */
function numberedUrlPosition(key) {
    const match = NUMBERED_URL_KEY.exec(key);
    return match?.[1] === undefined ? undefined : Number(match[1]);
}
/**
 * The media metadata object each kind accepts. `imageMetadata` is not in the guide (it only
 * mentions that images can carry metadata); its fields come from the SDK's
 * `CustomerProvidedImageMetadata`.
 */
const METADATA_KEY_BY_KIND = {
    videos: 'videoMetadata',
    audio: 'audioMetadata',
    pdfs: 'pdfMetadata',
    text: 'textMetadata',
    images: 'imageMetadata'
};
/** Entry keys each kind knows, besides numbered URLs. */
function knownEntryKeys(kind) {
    if (kind === 'image_groups')
        return [TITLE, CREATE_VIDEO, CLIENT_METADATA];
    if (kind === 'dicom_series')
        return [TITLE, CLIENT_METADATA];
    const metadataKey = METADATA_KEY_BY_KIND[kind];
    return metadataKey
        ? [OBJECT_URL, TITLE, CLIENT_METADATA, metadataKey]
        : [OBJECT_URL, TITLE, CLIENT_METADATA];
}
const fileSize = (name) => ({
    name,
    alias: name === 'file_size' ? 'fileSize' : 'file_size',
    type: 'positive-integer'
});
const mimeType = { name: 'mime_type', alias: 'mimeType', type: 'string' };
const width = { name: 'width', type: 'positive-integer' };
const height = { name: 'height', type: 'positive-integer' };
const duration = { name: 'duration', type: 'positive-number' };
/**
 * Fields of each media metadata object. All are required: Encord uses the values instead of
 * reading the file ("without performing any additional validation"), and the SDK declares none of
 * them optional. Numbers must be positive, and counts, sizes and pixels whole, because the SDK
 * types them `int`. Audio fields follow the SDK's `CustomerProvidedAudioMetadata`, image fields
 * its `CustomerProvidedImageMetadata`.
 */
const METADATA_FIELDS = {
    videoMetadata: [
        { name: 'fps', type: 'positive-number' },
        duration,
        width,
        height,
        fileSize('file_size'),
        mimeType
    ],
    audioMetadata: [
        duration,
        fileSize('file_size'),
        mimeType,
        { name: 'sample_rate', alias: 'sampleRate', type: 'positive-integer' },
        { name: 'bit_depth', alias: 'bitDepth', type: 'positive-integer' },
        { name: 'codec', type: 'string' },
        { name: 'num_channels', alias: 'numChannels', type: 'positive-integer' }
    ],
    pdfMetadata: [
        fileSize('fileSize'),
        { name: 'numPages', alias: 'num_pages', type: 'positive-integer' }
    ],
    textMetadata: [fileSize('fileSize'), mimeType],
    imageMetadata: [mimeType, fileSize('file_size'), width, height]
};

/** Finds the known key a mistyped one most likely meant. */
/** Case, `_` and `-` differences are the commonest slips (`skipDuplicateUrls`, `ObjectURL`). */
function normalise(key) {
    return key.toLowerCase().replace(/[_-]/g, '');
}
function editDistance(a, b) {
    let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        const current = [i];
        for (let j = 1; j <= b.length; j++) {
            const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
            current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution);
        }
        previous = current;
    }
    return previous[b.length] ?? 0;
}
/** One starts or ends the other, and the shorter is long enough to mean something. */
function isPartOf(a, b) {
    const [shorter, longer] = a.length <= b.length ? [a, b] : [b, a];
    return ((shorter.length >= 3 && longer.startsWith(shorter)) ||
        (shorter.length >= 4 && longer.endsWith(shorter)));
}
/**
 * The candidate closest to `key`, or undefined when none is close enough to be a plausible typo:
 * at most a third of the key's length in edits, after ignoring case, `_` and `-`, or one being
 * the start or end of the other (`dicom` for `dicom_series`, `pages` for `numPages`).
 */
function closestKey(key, candidates) {
    const wanted = normalise(key);
    if (wanted === '')
        return undefined;
    let best;
    for (const candidate of candidates) {
        const normalised = normalise(candidate);
        const distance = isPartOf(wanted, normalised)
            ? Math.min(1, Math.abs(normalised.length - wanted.length))
            : editDistance(wanted, normalised);
        if (best === undefined || distance < best.distance)
            best = { candidate, distance };
    }
    if (best === undefined)
        return undefined;
    return best.distance <= Math.max(1, Math.floor(wanted.length / 3)) ? best.candidate : undefined;
}

function checkEntry(kind, entry, properties, sinks) {
    if (hasNumberedUrls(kind))
        checkNumberedEntry(kind, entry, properties, sinks);
    else
        checkSingleUrlEntry(kind, entry, properties, sinks);
}
function checkSingleUrlEntry(kind, entry, properties, sinks) {
    const metadataKey = METADATA_KEY_BY_KIND[kind];
    let hasUrl = false;
    for (const property of properties) {
        if (property.superseded)
            continue;
        const key = property.key;
        if (key === OBJECT_URL) {
            hasUrl = true;
            checkUrl(property, sinks);
        }
        else if (key === TITLE)
            checkTitle(kind, property, false, sinks.report);
        else if (key === CLIENT_METADATA || key === metadataKey)
            expectObject(property, sinks.report);
        else
            reportUnknownKey(kind, property, sinks.report);
    }
    if (!hasUrl) {
        sinks.report.add('missing-field', `this ${ENTRY_NOUN[kind]} has no "objectUrl": each entry of "${kind}" needs the URL of its file`, entry);
    }
}
function checkNumberedEntry(kind, entry, properties, sinks) {
    const noun = ENTRY_NOUN[kind];
    const urlKeyByPosition = new Map();
    let hasTitle = false;
    let isSequence = false;
    for (const property of properties) {
        if (property.superseded)
            continue;
        const key = property.key;
        const position = numberedUrlPosition(key);
        if (position !== undefined) {
            urlKeyByPosition.set(position, property);
            checkUrl(property, sinks);
        }
        else if (key === TITLE) {
            hasTitle = true;
            checkTitle(kind, property, true, sinks.report);
        }
        else if (key === CREATE_VIDEO && kind === 'image_groups') {
            isSequence = checkCreateVideo(property, sinks.report);
        }
        else if (key === CLIENT_METADATA)
            expectObject(property, sinks.report);
        else
            reportUnknownKey(kind, property, sinks.report);
    }
    if (!hasTitle) {
        sinks.report.add('missing-field', `this ${noun} has no "title": each ${noun} needs one`, entry);
    }
    if (urlKeyByPosition.size === 0) {
        sinks.report.add('missing-field', `this ${noun} has no "objectUrl_0": list its files as "objectUrl_0", "objectUrl_1", …`, entry);
        return;
    }
    reportGaps(kind, urlKeyByPosition, sinks.report);
    if (isSequence)
        checkSequenceLength(urlKeyByPosition.size, entry, sinks.report);
}
/** Reports missing positions once per entry, at the first URL key after the first gap. */
function reportGaps(kind, urlKeyByPosition, report) {
    const positions = [...urlKeyByPosition.keys()].sort((a, b) => a - b);
    const gaps = [];
    let expected = 0;
    let firstAfterGap;
    for (const position of positions) {
        if (position > expected) {
            gaps.push({ from: expected, to: position - 1 });
            firstAfterGap ??= position;
        }
        expected = position + 1;
    }
    if (firstAfterGap === undefined)
        return;
    const at = urlKeyByPosition.get(firstAfterGap);
    if (at === undefined)
        return;
    const missingCount = gaps.reduce((sum, gap) => sum + gap.to - gap.from + 1, 0);
    const shown = gaps
        .slice(0, 3)
        .map((gap) => gap.from === gap.to
        ? quote(`objectUrl_${gap.from}`)
        : `${quote(`objectUrl_${gap.from}`)} to ${quote(`objectUrl_${gap.to}`)}`);
    const more = gaps.length > 3 ? ', …' : '';
    report.add('url-gap', `${shown.join(', ')}${more} missing (${plural(missingCount, 'position')}): the files of ${ENTRY_NOUN_WITH_ARTICLE[kind]} are numbered objectUrl_0, objectUrl_1, … without gaps, and the next key here is ${quote(at.key)}`, at);
}
function checkSequenceLength(images, entry, report) {
    if (images > MAX_SEQUENCE_IMAGES) {
        report.add('sequence-too-long', `this image sequence ("createVideo": true) has ${plural(images, 'image')}; Encord supports at most ${MAX_SEQUENCE_IMAGES.toLocaleString('en-US')}: split it or register a video instead`, entry);
    }
    else if (images > ADVISED_SEQUENCE_IMAGES) {
        report.add('long-sequence', `this image sequence ("createVideo": true) has ${plural(images, 'image')}; the guide advises at most ${ADVISED_SEQUENCE_IMAGES.toLocaleString('en-US')} for performance, or a video instead`, entry);
    }
}
function checkUrl(property, sinks) {
    const value = property.value;
    if (value === undefined)
        return;
    if (value.kind !== 'string' || typeof value.literal !== 'string') {
        sinks.report.add('value-type', `${quote(property.key)} must be a string URL, not ${describeKind(value.kind)}`, value);
        return;
    }
    const url = value.literal;
    if (url.trim() === '') {
        sinks.report.add('missing-field', `${quote(property.key)} is empty`, value);
        return;
    }
    // A string of n UTF-16 units takes at most 3n bytes, so short URLs need no counting.
    if (url.length * 3 > MAX_URL_BYTES) {
        const bytes = utf8ByteLength(url);
        if (bytes > MAX_URL_BYTES) {
            sinks.report.add('url-too-long', `this URL is ${plural(bytes, 'byte')}; Encord accepts URLs up to 16 KB (${MAX_URL_BYTES.toLocaleString('en-US')} bytes)`, value);
        }
    }
    sinks.url(url, value);
}
function checkTitle(kind, property, required, report) {
    const value = property.value;
    if (value === undefined)
        return;
    if (typeof value.literal !== 'string') {
        report.add('value-type', `"title" must be a string, not ${describeKind(value.kind)}`, value);
        return;
    }
    const title = value.literal;
    if (required && title.trim() === '') {
        report.add('missing-field', `"title" is empty: each ${ENTRY_NOUN[kind]} needs one`, value);
    }
    else if (title.length > MAX_TITLE_CHARACTERS) {
        const characters = codePointLength(title);
        if (characters > MAX_TITLE_CHARACTERS) {
            report.add('title-too-long', `this title is ${plural(characters, 'character')}; Encord accepts titles up to ${MAX_TITLE_CHARACTERS}`, value);
        }
    }
}
/** Returns whether the entry is an image sequence. */
function checkCreateVideo(property, report) {
    const value = property.value;
    if (value === undefined)
        return false;
    if (typeof value.literal !== 'boolean') {
        const hint = value.literal === 'true' || value.literal === 'false' ? ' (drop the quotes)' : '';
        report.add('value-type', `"createVideo" must be true or false, not ${value.kind === 'string' ? quote(String(value.literal)) : describeKind(value.kind)}${hint}`, value);
        return false;
    }
    return value.literal;
}
function expectObject(property, report) {
    const value = property.value;
    if (value === undefined || value.kind === 'object')
        return;
    report.add('value-type', `${quote(property.key)} must be an object, not ${describeKind(value.kind)}`, value);
}
const LOOSE_NUMBERED_URL_KEY = /^object[_-]?url[_-]?(\d+)$/i;
function reportUnknownKey(kind, property, report) {
    const known = knownEntryKeys(kind);
    let suggestion;
    const loose = LOOSE_NUMBERED_URL_KEY.exec(property.key);
    if (hasNumberedUrls(kind)) {
        suggestion =
            loose?.[1] !== undefined
                ? `objectUrl_${Number(loose[1])}`
                : closestKey(property.key, [...known, 'objectUrl_0']);
    }
    else {
        suggestion = closestKey(property.key, known);
    }
    const takes = hasNumberedUrls(kind) ? [...known, 'objectUrl_0', 'objectUrl_1', '…'] : known;
    report.add('unknown-entry-key', `${quote(property.key)} is not a key of ${ENTRY_NOUN_WITH_ARTICLE[kind]} entry, so Encord does not use it${suggestion ? `; did you mean ${quote(suggestion)}?` : ` (it takes ${takes.join(', ')})`}`, property);
}

const EXPECTED = {
    'positive-number': 'a positive number',
    'positive-integer': 'a positive whole number',
    string: 'a non-empty string'
};
function fits(field, value) {
    const literal = value.literal;
    switch (field.type) {
        // A number of hundreds of digits reads as Infinity: no frame rate or duration is that.
        case 'positive-number':
            return typeof literal === 'number' && Number.isFinite(literal) && literal > 0;
        case 'positive-integer':
            return typeof literal === 'number' && Number.isSafeInteger(literal) && literal > 0;
        case 'string':
            return typeof literal === 'string' && literal.trim() !== '';
    }
}
function shown(value) {
    if (value.kind === 'number' && !Number.isFinite(value.literal)) {
        return 'a number too large to be represented';
    }
    if (value.kind === 'number' || value.kind === 'boolean')
        return String(value.literal);
    if (value.kind === 'string')
        return quote(String(value.literal));
    return describeKind(value.kind);
}
const spellingsCache = new Map();
/** Each field under its guide spelling and its alias. */
function spellings(key) {
    let bySpelling = spellingsCache.get(key);
    if (bySpelling === undefined) {
        bySpelling = new Map();
        for (const f of METADATA_FIELDS[key]) {
            bySpelling.set(f.name, f);
            if (f.alias)
                bySpelling.set(f.alias, f);
        }
        spellingsCache.set(key, bySpelling);
    }
    return bySpelling;
}
function checkMetadata(key, metadata, properties, report) {
    const fields = METADATA_FIELDS[key];
    const bySpelling = spellings(key);
    const present = new Set();
    for (const property of properties) {
        if (property.superseded)
            continue;
        const field = bySpelling.get(property.key);
        if (field === undefined) {
            const suggestion = closestKey(property.key, [...bySpelling.keys()]);
            report.add('unknown-metadata-field', `${key} has no field ${quote(property.key)}${suggestion ? `; did you mean ${quote(suggestion)}?` : ` (it takes ${fields.map((f) => f.name).join(', ')})`}`, property);
            continue;
        }
        present.add(field);
        const value = property.value;
        // No value means a syntax error already reported there, e.g. the guide's `frames-per-second`.
        if (value === undefined || fits(field, value))
            continue;
        report.add('metadata-type', `${key}.${property.key} must be ${EXPECTED[field.type]}, not ${shown(value)}`, value);
    }
    const missing = fields.filter((f) => !present.has(f)).map((f) => quote(f.name));
    if (missing.length > 0) {
        report.add('metadata-missing', `${key} lacks ${listed(missing)}: Encord uses this metadata instead of reading the file, so every field is required`, metadata);
    }
}
function listed(items) {
    if (items.length <= 1)
        return items.join('');
    return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`;
}

function reportRootIsNotObject(root, report) {
    report.add('value-type', `a registration file must be a JSON object with keys such as "videos" or "images", not ${describeKind(root.kind)}`, root);
}
function checkRootProperty(property, report) {
    const { key, value } = property;
    if (isDataKind(key)) {
        if (value !== undefined && value.kind !== 'array') {
            report.add('value-type', `"${key}" must be an array of entries, not ${describeKind(value.kind)}`, value);
        }
        return;
    }
    if (key === SKIP_DUPLICATE_URLS) {
        if (value !== undefined && value.kind !== 'boolean') {
            report.add('value-type', `"${SKIP_DUPLICATE_URLS}" must be true or false, not ${value.kind === 'string' ? quote(String(value.literal)) : describeKind(value.kind)}`, value);
        }
        return;
    }
    const suggestion = closestKey(key, TOP_LEVEL_KEYS);
    report.add('unknown-key', `unknown top-level key ${quote(key)}${suggestion ? `; did you mean ${quote(suggestion)}?` : ` (Encord reads ${TOP_LEVEL_KEYS.join(', ')})`}`, property);
}
function reportNoItems(root, report) {
    report.add('no-items', `this file registers nothing: it has no entries under ${DATA_KINDS.map((k) => `"${k}"`).join(', ')}`, root);
}

const GUIDE_FILE_LIMITS = {
    maxItems: MAX_ITEMS_PER_FILE,
    maxUrls: MAX_URLS_PER_FILE,
    advisedVideos: ADVISED_VIDEOS_PER_FILE,
    advisedImages: ADVISED_IMAGES_PER_FILE
};
class FileTotals {
    limits;
    items = 0;
    urls = 0;
    videos = 0;
    images = 0;
    /** Where each count first went over its limit: the first entry or URL too many. */
    firstItemOverLimit;
    firstUrlOverLimit;
    firstVideoOverAdvice;
    firstImageOverAdvice;
    constructor(limits = GUIDE_FILE_LIMITS) {
        this.limits = limits;
    }
    addItem(kind, at) {
        this.items++;
        if (this.items === this.limits.maxItems + 1)
            this.firstItemOverLimit = at;
        // The advice names videos and images; image groups, sequences and DICOM are not counted.
        if (kind === 'videos' && ++this.videos === this.limits.advisedVideos + 1) {
            this.firstVideoOverAdvice = at;
        }
        if (kind === 'images' && ++this.images === this.limits.advisedImages + 1) {
            this.firstImageOverAdvice = at;
        }
    }
    addUrl(at) {
        this.urls++;
        if (this.urls === this.limits.maxUrls + 1)
            this.firstUrlOverLimit = at;
    }
    reportLimits(report) {
        if (this.firstItemOverLimit) {
            report.add('too-many-items', `this file registers ${plural(this.items, 'item')}; Encord accepts at most ${plural(this.limits.maxItems, 'item')} per file: split it (this is the first item over the limit)`, this.firstItemOverLimit);
        }
        if (this.firstUrlOverLimit) {
            report.add('too-many-urls', `this file holds ${plural(this.urls, 'URL')}; Encord accepts at most ${plural(this.limits.maxUrls, 'URL')} per file: split it (this is the first URL over the limit)`, this.firstUrlOverLimit);
        }
        if (this.firstVideoOverAdvice) {
            report.add('batch-size', `this file registers ${plural(this.videos, 'video')}; the guide advises uploading at most ${plural(this.limits.advisedVideos, 'video')} at a time (this is video ${(this.limits.advisedVideos + 1).toLocaleString('en-US')})`, this.firstVideoOverAdvice);
        }
        if (this.firstImageOverAdvice) {
            report.add('batch-size', `this file registers ${plural(this.images, 'image')}; the guide advises uploading at most ${plural(this.limits.advisedImages, 'image')} at a time (this is image ${(this.limits.advisedImages + 1).toLocaleString('en-US')})`, this.firstImageOverAdvice);
        }
    }
}

/**
 * The duplicate-key rule. Every JSON parser Encord might use keeps the last of two equal keys in
 * an object and drops the first without a word, so the message says what would be lost.
 */
function reportDuplicateKey(earlier, repeat, report) {
    const which = earlier.repeatsEarlierKey ? 'the previous one' : 'the first one';
    report.add('duplicate-key', `duplicate key ${quote(repeat.key)} at ${formatPosition(repeat)}; ${which} at ${formatPosition(earlier)} ${describeValue(earlier.value)} would be silently dropped`, repeat, earlier);
}

/**
 * Turns jsonc-parser's syntax errors into one diagnostic per mistake, at the place a person would
 * fix it. The parser recovers and reports follow-on errors for the same mistake (an unquoted
 * `frames-per-second` yields "invalid symbol" then "value expected"); only the first of a run of
 * errors with no valid token between them is kept. A trailing comma surfaces as "property name
 * expected" at the `}`; it is reported at the comma instead.
 */
const PYTHON_SPELLINGS = {
    True: 'true',
    False: 'false',
    None: 'null',
    TRUE: 'true',
    FALSE: 'false',
    NULL: 'null',
    Null: 'null'
};
class SyntaxErrorReporter {
    text;
    report;
    last = 'token';
    lastComma;
    /** A number just read, to explain `01` (which the parser sees as `0` then a stray `1`). */
    lastNumber;
    /** Where the container that closed last was opened, for "never closed" messages. */
    lastClosedOpenedAt;
    /** Offset of the last "not closed" error: at the end of a file only the innermost is kept. */
    lastUnclosedOffset;
    constructor(text, report) {
        this.text = text;
        this.report = report;
    }
    sawToken() {
        this.last = 'token';
        this.lastNumber = undefined;
    }
    sawNumber(offset, length, at) {
        this.sawToken();
        this.lastNumber = {
            start: offset,
            end: offset + length,
            at,
            raw: this.text.slice(offset, offset + length)
        };
    }
    sawComma(at) {
        this.last = 'comma';
        this.lastComma = at;
        this.lastNumber = undefined;
    }
    sawContainerClose(openedAt) {
        this.sawToken();
        this.lastClosedOpenedAt = openedAt;
    }
    /** jsonc-parser's `onError`: 0-based line and character, as the visitor passes them. */
    error(code, offset, length, line, character) {
        const previous = this.last;
        this.last = 'error';
        if (previous === 'error')
            return;
        const at = { line: line + 1, column: character + 1 };
        const token = this.text.slice(offset, offset + length);
        const name = printParseErrorCode(code);
        if (name === 'CloseBraceExpected' || name === 'CloseBracketExpected') {
            if (this.lastUnclosedOffset === offset)
                return;
            this.lastUnclosedOffset = offset;
        }
        if (previous === 'comma' &&
            this.lastComma &&
            (name === 'PropertyNameExpected' || name === 'ValueExpected') &&
            (token === '}' || token === ']')) {
            this.report.add('trailing-comma', `trailing comma before "${token}": JSON allows none`, this.lastComma);
            return;
        }
        if (name === 'CommaExpected' &&
            this.lastNumber?.end === offset &&
            /^-?0$/.test(this.lastNumber.raw)) {
            this.report.add('json-syntax', describeLeadingZero(this.text, this.lastNumber.start), this.lastNumber.at);
            return;
        }
        const located = this.locateInToken(name, token, at);
        this.report.add('json-syntax', this.describe(name, token, offset), located.at, located.related);
    }
    describe(name, token, offset) {
        switch (name) {
            case 'InvalidSymbol':
                return describeInvalidSymbol(token, offset);
            case 'ValueExpected':
                if (token === ',')
                    return 'unexpected comma: a value is missing before it';
                if (token === '')
                    return 'unexpected end of file: a value is missing';
                return `a value is missing before ${quote(token)}`;
            case 'PropertyNameExpected':
                return `expected a key in double quotes, found ${quote(token)}`;
            case 'ColonExpected':
                return `expected ":" after the key, found ${quote(token)}`;
            case 'CommaExpected':
                return `missing comma before ${quote(token)}`;
            case 'CloseBraceExpected':
                return `the object opened at ${this.openedAt()} is not closed: expected "}"${found(token)}`;
            case 'CloseBracketExpected':
                return `the array opened at ${this.openedAt()} is not closed: expected "]"${found(token)}`;
            case 'EndOfFileExpected':
                return `unexpected ${quote(token)} after the end of the JSON document: a file holds one object`;
            case 'InvalidCommentToken':
                return 'comments are not allowed in JSON';
            case 'UnexpectedEndOfString':
                return 'unterminated string: close it with " on the same line';
            case 'UnexpectedEndOfNumber':
                return `incomplete number ${quote(token)}`;
            case 'InvalidNumberFormat':
                return `invalid number ${quote(token)}`;
            case 'InvalidUnicode':
                return 'invalid \\u escape: it takes exactly four hexadecimal digits';
            case 'InvalidEscapeCharacter':
                return 'invalid escape: JSON allows \\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX';
            case 'InvalidCharacter':
                return 'control character inside a string: write it as an escape such as \\t or \\n';
            default:
                return `invalid JSON (${name})`;
        }
    }
    openedAt() {
        return this.lastClosedOpenedAt ? formatPosition(this.lastClosedOpenedAt) : 'its start';
    }
    /**
     * The parser reports string errors at the string's opening quote; point at the offending
     * character instead. JSON strings cannot span lines, so the column offset is the index.
     */
    locateInToken(name, token, at) {
        let index = -1;
        if (name === 'InvalidEscapeCharacter')
            index = token.search(/\\[^"\\/bfnrtu]/);
        else if (name === 'InvalidUnicode')
            index = token.search(/\\u(?![0-9a-fA-F]{4})/);
        else if (name === 'InvalidCharacter')
            index = firstControlCharacter(token);
        else if (name === 'CloseBraceExpected' || name === 'CloseBracketExpected') {
            return this.lastClosedOpenedAt ? { at, related: this.lastClosedOpenedAt } : { at };
        }
        return index > 0 ? { at: { line: at.line, column: at.column + index } } : { at };
    }
}
function describeLeadingZero(text, start) {
    const written = /^-?[0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/.exec(text.slice(start, start + 64))?.[0];
    if (written === undefined)
        return 'numbers cannot start with 0 in JSON';
    const number = written.replace(/^(-?)0+(?=[0-9])/, '$1');
    return `${written} is not a JSON number: numbers cannot start with 0 (write ${number}, or quote it if it is text)`;
}
function firstControlCharacter(token) {
    for (let i = 0; i < token.length; i++)
        if (token.charCodeAt(i) < 0x20)
            return i;
    return -1;
}
function found(token) {
    return token === '' ? ' before the end of the file' : `, found ${quote(token)}`;
}
function describeInvalidSymbol(token, offset) {
    if (offset === 0 && token.startsWith('\uFEFF')) {
        return 'the file starts with a byte-order mark (BOM), which JSON does not allow: save it as UTF-8 without BOM';
    }
    const python = PYTHON_SPELLINGS[token];
    if (python)
        return `unexpected ${quote(token)}: JSON spells it ${python}`;
    if (token === 'NaN' || token === 'Infinity' || token === '-Infinity') {
        return `unexpected ${quote(token)}: JSON has no NaN or Infinity`;
    }
    if (token.startsWith("'"))
        return `unexpected ${quote(token)}: JSON strings take double quotes`;
    return `${quote(token)} is not JSON: write a number, true, false, null, or text in double quotes`;
}

/**
 * Walks the JSON text once with jsonc-parser's streaming visitor and keeps only what the rules
 * need: a stack of open containers, each with its keys (duplicates are checked in every object)
 * until it closes. No tree of the document is built, so a 500,000-entry file holds one entry at a
 * time. The walker knows the file's structure (root, data lists, entries, media metadata) and
 * hands each piece to the rules when it is complete.
 */
const INDEX_KEYS_FROM = 16;
/** Thrown from the visitor to stop the parse of a file nested too deep. */
class TooDeep extends Error {
}
const OTHER = { type: 'other' };
const ROOT = { type: 'root' };
function walkRegistration(text, listener, report) {
    const syntax = new SyntaxErrorReporter(text, report);
    const stack = [];
    const dataListRoles = new Map();
    const entryRoles = new Map();
    const metadataRoles = new Map();
    function memo(cache, key, make) {
        let role = cache.get(key);
        if (role === undefined) {
            role = make();
            cache.set(key, role);
        }
        return role;
    }
    function roleOfNewContainer(isObject) {
        const parent = stack[stack.length - 1];
        if (parent === undefined)
            return isObject ? ROOT : OTHER;
        const parentRole = parent.role;
        const key = parent.pending?.key;
        if (parentRole.type === 'root' && !isObject && key !== undefined && isDataKind(key)) {
            return memo(dataListRoles, key, () => ({ type: 'data-list', kind: key }));
        }
        if (parentRole.type === 'data-list' && isObject) {
            const kind = parentRole.kind;
            return memo(entryRoles, kind, () => ({ type: 'entry', kind }));
        }
        if (parentRole.type === 'entry' && isObject && key !== undefined) {
            const metadataKey = METADATA_KEY_BY_KIND[parentRole.kind];
            if (metadataKey === key)
                return memo(metadataRoles, key, () => ({ type: 'metadata', key }));
        }
        return OTHER;
    }
    /** A key whose value never came (a syntax error) still counts as present. */
    function settlePending(frame) {
        const property = frame.pending;
        if (property === undefined)
            return;
        frame.pending = undefined;
        if (frame.role.type === 'root')
            listener.rootProperty(property);
    }
    function completeValue(value) {
        const parent = stack[stack.length - 1];
        if (parent === undefined) {
            if (value.kind !== 'object')
                listener.rootIsNotObject(value);
            return;
        }
        if (parent.value.kind === 'object') {
            const property = parent.pending;
            if (property === undefined)
                return;
            property.value = value;
            settlePending(parent);
            return;
        }
        parent.value.size++;
        if (parent.role.type === 'data-list' && value.kind !== 'object') {
            listener.nonObjectEntry(parent.role.kind, value);
        }
    }
    function findProperty(frame, key) {
        if (frame.byKey)
            return frame.byKey.get(key);
        const properties = frame.properties;
        for (let i = properties.length - 1; i >= 0; i--) {
            const property = properties[i];
            if (property?.key === key)
                return property;
        }
        return undefined;
    }
    function addProperty(frame, property) {
        const earlier = findProperty(frame, property.key);
        if (earlier) {
            reportDuplicateKey(earlier, property, report);
            earlier.superseded = true;
            property.repeatsEarlierKey = true;
        }
        frame.properties.push(property);
        frame.value.size++;
        if (frame.byKey)
            frame.byKey.set(property.key, property);
        else if (frame.properties.length >= INDEX_KEYS_FROM) {
            frame.byKey = new Map(frame.properties.map((p) => [p.key, p]));
        }
    }
    function open(kind, offset, line, character) {
        const at = { line: line + 1, column: character + 1 };
        if (stack.length >= MAX_NESTING_DEPTH) {
            report.add('too-deep', `the JSON is nested more than ${MAX_NESTING_DEPTH} levels deep here (a registration file needs four); the rest of the file was not checked`, at);
            throw new TooDeep();
        }
        syntax.sawToken();
        const role = roleOfNewContainer(kind === 'object');
        stack.push({
            role,
            value: { kind, literal: undefined, size: 0, offset, line: at.line, column: at.column },
            properties: [],
            byKey: undefined,
            pending: undefined
        });
    }
    function close() {
        const frame = stack.pop();
        if (frame === undefined)
            return;
        syntax.sawContainerClose(frame.value);
        settlePending(frame);
        const role = frame.role;
        if (role.type === 'entry')
            listener.entry(role.kind, frame.value, frame.properties);
        else if (role.type === 'metadata')
            listener.metadata(role.key, frame.value, frame.properties);
        else if (role.type === 'root')
            listener.rootEnd(frame.value);
        completeValue(frame.value);
    }
    try {
        visitText();
    }
    catch (error) {
        if (!(error instanceof TooDeep))
            throw error;
    }
    function visitText() {
        visit(text, {
            onObjectBegin: (offset, _length, line, character) => open('object', offset, line, character),
            onArrayBegin: (offset, _length, line, character) => open('array', offset, line, character),
            onObjectEnd: close,
            onArrayEnd: close,
            onObjectProperty: (key, _offset, _length, line, character) => {
                syntax.sawToken();
                const frame = stack[stack.length - 1];
                if (frame === undefined)
                    return;
                settlePending(frame);
                const property = {
                    key,
                    line: line + 1,
                    column: character + 1,
                    value: undefined
                };
                addProperty(frame, property);
                frame.pending = property;
            },
            onLiteralValue: (literal, offset, length, line, character) => {
                const kind = kindOf(literal);
                const at = { line: line + 1, column: character + 1 };
                if (kind === 'number')
                    syntax.sawNumber(offset, length, at);
                else
                    syntax.sawToken();
                completeValue({
                    kind,
                    literal: literal,
                    size: 0,
                    offset,
                    line: at.line,
                    column: at.column
                });
            },
            onSeparator: (character, _offset, _length, line, column) => {
                if (character === ',')
                    syntax.sawComma({ line: line + 1, column: column + 1 });
                else
                    syntax.sawToken();
            },
            onError: (code, offset, length, line, character) => syntax.error(code, offset, length, line, character)
        }, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
    }
}

/**
 * Checks the text of an Encord data-registration JSON file against the training guide (step 1).
 * Pure: text in, diagnostics out. One streaming pass; see walker.ts.
 */
function checkRegistrationText(text, file) {
    const report = new DiagnosticCollector();
    const totals = new FileTotals();
    const duplicates = new DuplicateUrls();
    let rootObject;
    const sinks = {
        report,
        url(url, value) {
            totals.addUrl(value);
            duplicates.add(url, value.offset, value);
        }
    };
    const listener = {
        rootIsNotObject: (root) => reportRootIsNotObject(root, report),
        rootProperty: (property) => checkRootProperty(property, report),
        rootEnd: (root) => {
            rootObject = root;
        },
        entry(kind, entry, properties) {
            totals.addItem(kind, entry);
            checkEntry(kind, entry, properties, sinks);
        },
        nonObjectEntry(kind, value) {
            report.add('value-type', `each entry of "${kind}" must be an object, not ${describeKind(value.kind)}`, value);
        },
        metadata: (key, metadata, properties) => checkMetadata(key, metadata, properties, report)
    };
    walkRegistration(text, listener, report);
    totals.reportLimits(report);
    duplicates.report(text, report);
    if (rootObject !== undefined && totals.items === 0)
        reportNoItems(rootObject, report);
    return { file, diagnostics: report.finish(), items: totals.items, urls: totals.urls };
}

/** Reads registration files from disk and checks them, one at a time to bound memory. */
async function checkRegistrationFiles(paths) {
    const reports = [];
    // Sequential on purpose: each file may be tens of megabytes.
    for (const path of paths)
        reports.push(await checkEachAlone(path));
    return reports;
}
/** One file's report, whatever happens: a file the checker cannot handle never hides the others. */
async function checkEachAlone(path) {
    try {
        return await checkRegistrationFile(path);
    }
    catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        return fileProblem(path, 'unreadable-file', `this file could not be checked (${reason}); this is a bug in encord-annotator-eval, please report it`);
    }
}
async function checkRegistrationFile(path) {
    let bytes;
    try {
        bytes = await readFile(path);
    }
    catch (error) {
        return fileProblem(path, 'unreadable-file', `cannot read this file: ${describeReadError(error)}`);
    }
    const utf16 = detectUtf16(bytes);
    if (utf16 !== null) {
        return fileProblem(path, 'encoding', `this file is ${describeUtf16(utf16)} text: save it as UTF-8`);
    }
    if (!isUtf8(bytes)) {
        return fileProblem(path, 'encoding', 'this file is not UTF-8 text (is it UTF-16 or Latin-1?): save it as UTF-8');
    }
    // toString keeps a byte-order mark, so the checker can report it.
    return checkRegistrationText(bytes.toString('utf8'), path);
}
function fileProblem(file, rule, message) {
    return {
        file,
        diagnostics: [{ severity: RULES[rule].severity, rule, message, line: 1, column: 1 }],
        items: 0,
        urls: 0
    };
}
function describeReadError(error) {
    const code = error?.code;
    if (code === 'ENOENT')
        return 'no such file';
    if (code === 'EISDIR')
        return 'it is a folder, not a file';
    if (code === 'EACCES' || code === 'EPERM')
        return 'permission denied';
    return error instanceof Error ? error.message : String(error);
}

/**
 * A feedback note as markdown, addressed to the annotator (`output-dir/feedback/<file name>`):
 * the scores against the bar, what went well, the most frequent kinds of error, any systematic
 * geometry bias, and the worst items with links into Encord. The data comes from
 * `results/feedback-note.ts`; every user string goes through `escapeMarkdown`.
 */
const ERROR_LABEL = {
    missed: 'missed',
    extra: 'extra',
    'wrong-class': 'wrong class',
    'low-overlap': 'low overlap',
    attribute: 'attribute disagreement',
    classification: 'classification disagreement'
};
/** Every evaluated project's note, in input order. */
function renderFeedbackNotes(result) {
    return feedbackNotes(result).map((note) => ({
        fileName: note.fileName,
        markdown: renderFeedbackNote(note)
    }));
}
function renderFeedbackNote(note) {
    const who = note.annotator === null ? 'the annotator' : escapeMarkdown$1(note.annotator);
    const parts = [
        `# Feedback for ${who}\n\n`,
        `Training project **${escapeMarkdown$1(note.projectTitle)}**${note.projectTitle === note.projectHash ? '' : ` (${escapeMarkdown$1(note.projectHash)})`}, ` +
            `scored against the benchmark **${escapeMarkdown$1(note.benchmarkTitle)}** with ${note.method}.\n\n`,
        scoresSection(note),
        wentWellSection(note),
        errorsSection(note),
        biasSection(note),
        worstSection(note)
    ];
    return parts.join('');
}
function scoresSection(note) {
    const withIntervals = note.scores.some((score) => score.interval !== null);
    const rows = note.scores.map((score) => [
        score.label,
        formatScore(score.value),
        ...(withIntervals ? [formatInterval(score.interval)] : []),
        score.threshold === null ? MISSING : formatThreshold(score.threshold),
        score.meets === null ? MISSING : score.meets ? '✅ meets the bar' : '❌ below the bar'
    ]);
    return `## Your scores\n\n${table([
        { header: 'Score' },
        { header: 'Yours', align: 'right' },
        ...(withIntervals ? [{ header: 'Interval' }] : []),
        { header: 'Bar', align: 'right' },
        { header: 'Verdict' }
    ], rows)}\n`;
}
function wentWellSection(note) {
    const lines = note.wentWell.length === 0
        ? ['Nothing stood out this time; the sections below say what to work on.']
        : note.wentWell;
    return `## What went well\n\n${lines.map((line) => `- ${escapeMarkdown$1(line, 300)}\n`).join('')}\n`;
}
function errorsSection(note) {
    const total = ERROR_KINDS.reduce((sum, kind) => sum + note.errorTotals[kind], 0);
    if (total === 0)
        return '## What to work on\n\nNo errors found: every object and answer agrees with the expert.\n\n';
    const top = note.topErrors
        .map((error, index) => `${index + 1}. ${escapeMarkdown$1(error.text, 300)}\n`)
        .join('');
    const totals = ERROR_KINDS.filter((kind) => note.errorTotals[kind] > 0)
        .map((kind) => `${ERROR_LABEL[kind]} ${note.errorTotals[kind]}`)
        .join(' · ');
    return (`## What to work on\n\nYour ${note.topErrors.length === 1 ? 'most frequent kind' : `${note.topErrors.length} most frequent kinds`} of error:\n\n${top}\n` +
        `All errors: ${totals} (low overlap means IoU below ${note.lowIou}).\n\n`);
}
function biasSection(note) {
    if (note.bias.length === 0)
        return '';
    const lines = note.bias.map((bias) => `- ${escapeMarkdown$1(bias.text, 300)}\n`).join('');
    return `## Your geometry\n\nCompared with the expert’s shapes on the objects you both drew:\n\n${lines}\n`;
}
function worstSection(note) {
    if (note.worstItems.length === 0)
        return '## Your worst items\n\nNone: nothing to review.\n';
    const count = note.worstItems.length;
    return `## Your ${count === 1 ? 'worst item' : `${count} worst items`}\n\n${worstItemsTable(note.worstItems)}`;
}

/** Empty when no annotator has a worst item. */
function renderTerminalWorstItems(result, options = {}) {
    const perKind = options.perKind ?? 1;
    const blocks = [];
    for (const outcome of result.projects) {
        if (outcome.status !== 'evaluated')
            continue;
        const project = outcome.evaluation;
        const items = limitWorstItems(project.worstItems, perKind);
        if (items.length === 0)
            continue;
        // Indented: no user string starts a line, so none can read as a workflow command (`::…`).
        const lines = [
            `  ${inert(project.annotator ?? 'unknown annotator')} · ${inert(project.projectTitle)}`
        ];
        for (const item of items) {
            const classes = `${inert(item.benchmarkClass ?? MISSING)} → ${inert(item.trainingClass ?? MISSING)}`;
            lines.push(`    ${KIND_LABEL$1[item.kind]}: ${inert(item.dataTitle)}, frame ${itemFrameText(item)}, ${classes}, IoU ${formatScore(item.iou)}`);
            if (item.trainingUrl !== null)
                lines.push(`      task:      ${item.trainingUrl}`);
            if (item.benchmarkUrl !== null)
                lines.push(`      benchmark: ${item.benchmarkUrl}`);
        }
        blocks.push(lines.join('\n'));
    }
    if (blocks.length === 0)
        return '';
    const heading = `Worst items (expert class → given class; every kept item is in ${REPORT_FILE_NAMES.html}, every object in ${REPORT_FILE_NAMES.csv}):`;
    return `${heading}\n${blocks.join('\n')}\n`;
}

/**
 * Reads the scores of earlier runs for history (`results/history.ts`): report.json files (given
 * on the command line, or downloaded from earlier runs' artifacts) and history files (JSON Lines,
 * one compact line per annotator and run). History is a nicety: nothing here fails a run. What
 * cannot be read is skipped, and the caller is told in one line why.
 */
/** What history reads of a report.json: each evaluated project's identity, digest and scores. */
const reportSchema = object({
    projects: array(union([
        object({
            status: literal('evaluated'),
            evaluation: object({
                projectHash: string(),
                annotator: string().nullable(),
                labelsDigest: string().optional(),
                overall: record(string(), unknown())
            })
        }),
        object({ status: literal('failed') })
    ]))
});
const lineSchema = object({
    run: string(),
    at: string().optional(),
    projectHash: string(),
    annotator: string().nullable(),
    labelsDigest: string().nullable(),
    scores: record(string(), number().nullable())
});
/** The report's scores as history keeps them; a score that is not a number is null. */
function scoresOf(overall) {
    const scores = {};
    for (const metric of METRICS) {
        const value = overall[metric.name];
        scores[metric.name] = typeof value === 'number' ? value : null;
    }
    return scores;
}
/** One earlier run from its report.json text; throws a one-line reason if it is not one. */
function earlierRunFromReport(text, run) {
    const parsed = reportSchema.safeParse(JSON.parse(text));
    if (!parsed.success)
        throw new Error('not a report.json of this tool');
    const points = parsed.data.projects.flatMap((outcome) => outcome.status === 'evaluated'
        ? [
            {
                run,
                projectHash: outcome.evaluation.projectHash,
                annotator: outcome.evaluation.annotator,
                labelsDigest: outcome.evaluation.labelsDigest ?? null,
                scores: scoresOf(outcome.evaluation.overall)
            }
        ]
        : []);
    return { run, points };
}
/**
 * A history file's runs, in file order (lines of one run kept together by their `run`). A missing
 * file is no history yet; a malformed line is skipped with a warning naming it.
 */
async function readHistoryFile(file, warn) {
    let text;
    try {
        text = await readFile(file, 'utf8');
    }
    catch (error) {
        if (error.code === 'ENOENT')
            return [];
        warn(`Could not read the history file ${file}: ${firstLineOf(error)}; going on without it`);
        return [];
    }
    return historyFileRuns(text, file, warn);
}
/** The runs of a history file's text (pure, for the tests). */
function historyFileRuns(text, file, warn) {
    const runs = new Map();
    text.split('\n').forEach((line, index) => {
        if (line.trim() === '')
            return;
        let parsed;
        try {
            const result = lineSchema.safeParse(JSON.parse(line));
            if (result.success)
                parsed = result.data;
        }
        catch {
            // Not JSON: said below, like a line of the wrong shape.
        }
        if (parsed === undefined) {
            warn(`${file} line ${index + 1} is not a history entry; skipped it`);
            return;
        }
        const points = runs.get(parsed.run) ?? [];
        points.push({
            run: parsed.run,
            projectHash: parsed.projectHash,
            annotator: parsed.annotator,
            labelsDigest: parsed.labelsDigest,
            scores: parsed.scores
        });
        runs.set(parsed.run, points);
    });
    return [...runs].map(([run, points]) => ({ run, points }));
}
/** Appends one compact line per point; never rewrites what is there. */
async function appendHistoryFile(file, points, at) {
    if (points.length === 0)
        return;
    await mkdir$1(path$2.dirname(path$2.resolve(file)), { recursive: true });
    const existing = await readFile(file, 'utf8').catch(() => '');
    // A file whose last line has no line break (edited by hand) must not run into ours.
    const lead = existing !== '' && !existing.endsWith('\n') ? '\n' : '';
    const lines = points.map((point) => JSON.stringify({
        run: point.run,
        at: at.toISOString(),
        projectHash: point.projectHash,
        annotator: point.annotator,
        labelsDigest: point.labelsDigest,
        scores: point.scores
    }));
    await appendFile$1(file, `${lead}${lines.join('\n')}\n`, 'utf8');
}
/**
 * `--history PATH…`: report.json files, folders of them (every report.json below, by path), or
 * history files (anything that is not one JSON document), oldest first as given.
 */
async function readHistoryPaths(paths, warn) {
    const runs = [];
    for (const given of paths) {
        let info;
        try {
            info = await stat$1(given);
        }
        catch (error) {
            warn(`Could not read the history ${given}: ${firstLineOf(error)}; going on without it`);
            continue;
        }
        if (info.isDirectory()) {
            for (const file of await reportsBelow(given))
                runs.push(...(await readReport(file, warn)));
            continue;
        }
        const text = await readFile(given, 'utf8');
        runs.push(...(looksLikeOneJsonDocument(text)
            ? await readReport(given, warn, text)
            : historyFileRuns(text, given, warn)));
    }
    return runs;
}
/** A report.json is one JSON object with a `projects` list; a one-line history file is not. */
function looksLikeOneJsonDocument(text) {
    try {
        const value = JSON.parse(text);
        return typeof value === 'object' && value !== null && 'projects' in value;
    }
    catch {
        return false;
    }
}
async function readReport(file, warn, text) {
    try {
        return [earlierRunFromReport(text ?? (await readFile(file, 'utf8')), file)];
    }
    catch (error) {
        warn(`Skipped ${file} for history: ${firstLineOf(error)}`);
        return [];
    }
}
async function reportsBelow(dir) {
    const entries = await readdir$1(dir, { recursive: true, withFileTypes: true });
    return entries
        .filter((entry) => entry.isFile() && entry.name === 'report.json')
        .map((entry) => path$2.join(entry.parentPath, entry.name))
        .sort();
}

/** The tool's name and version, as recorded in reports and the User-Agent. Kept equal to package.json by a test. */
const TOOL = { name: 'encord-annotator-eval', version: '0.1.0' };

// We use any as a valid input type
/* eslint-disable @typescript-eslint/no-explicit-any */
/**
 * Sanitizes an input into a string so it can be passed into issueCommand safely
 * @param input input to sanitize into a string
 */
function toCommandValue(input) {
    if (input === null || input === undefined) {
        return '';
    }
    else if (typeof input === 'string' || input instanceof String) {
        return input;
    }
    return JSON.stringify(input);
}
/**
 *
 * @param annotationProperties
 * @returns The command properties to send with the actual annotation command
 * See IssueCommandProperties: https://github.com/actions/runner/blob/main/src/Runner.Worker/ActionCommandManager.cs#L646
 */
function toCommandProperties(annotationProperties) {
    if (!Object.keys(annotationProperties).length) {
        return {};
    }
    return {
        title: annotationProperties.title,
        file: annotationProperties.file,
        line: annotationProperties.startLine,
        endLine: annotationProperties.endLine,
        col: annotationProperties.startColumn,
        endColumn: annotationProperties.endColumn
    };
}

/**
 * Issues a command to the GitHub Actions runner
 *
 * @param command - The command name to issue
 * @param properties - Additional properties for the command (key-value pairs)
 * @param message - The message to include with the command
 * @remarks
 * This function outputs a specially formatted string to stdout that the Actions
 * runner interprets as a command. These commands can control workflow behavior,
 * set outputs, create annotations, mask values, and more.
 *
 * Command Format:
 *   ::name key=value,key=value::message
 *
 * @example
 * ```typescript
 * // Issue a warning annotation
 * issueCommand('warning', {}, 'This is a warning message');
 * // Output: ::warning::This is a warning message
 *
 * // Set an environment variable
 * issueCommand('set-env', { name: 'MY_VAR' }, 'some value');
 * // Output: ::set-env name=MY_VAR::some value
 *
 * // Add a secret mask
 * issueCommand('add-mask', {}, 'secretValue123');
 * // Output: ::add-mask::secretValue123
 * ```
 *
 * @internal
 * This is an internal utility function that powers the public API functions
 * such as setSecret, warning, error, and exportVariable.
 */
function issueCommand(command, properties, message) {
    const cmd = new Command(command, properties, message);
    process.stdout.write(cmd.toString() + os.EOL);
}
function issue(name, message = '') {
    issueCommand(name, {}, message);
}
const CMD_STRING = '::';
class Command {
    constructor(command, properties, message) {
        if (!command) {
            command = 'missing.command';
        }
        this.command = command;
        this.properties = properties;
        this.message = message;
    }
    toString() {
        let cmdStr = CMD_STRING + this.command;
        if (this.properties && Object.keys(this.properties).length > 0) {
            cmdStr += ' ';
            let first = true;
            for (const key in this.properties) {
                if (this.properties.hasOwnProperty(key)) {
                    const val = this.properties[key];
                    if (val) {
                        if (first) {
                            first = false;
                        }
                        else {
                            cmdStr += ',';
                        }
                        cmdStr += `${key}=${escapeProperty(val)}`;
                    }
                }
            }
        }
        cmdStr += `${CMD_STRING}${escapeData(this.message)}`;
        return cmdStr;
    }
}
function escapeData(s) {
    return toCommandValue(s)
        .replace(/%/g, '%25')
        .replace(/\r/g, '%0D')
        .replace(/\n/g, '%0A');
}
function escapeProperty(s) {
    return toCommandValue(s)
        .replace(/%/g, '%25')
        .replace(/\r/g, '%0D')
        .replace(/\n/g, '%0A')
        .replace(/:/g, '%3A')
        .replace(/,/g, '%2C');
}

// For internal use, subject to change.
// We use any as a valid input type
/* eslint-disable @typescript-eslint/no-explicit-any */
function issueFileCommand(command, message) {
    const filePath = process.env[`GITHUB_${command}`];
    if (!filePath) {
        throw new Error(`Unable to find environment variable for file command ${command}`);
    }
    if (!fs.existsSync(filePath)) {
        throw new Error(`Missing file at path: ${filePath}`);
    }
    fs.appendFileSync(filePath, `${toCommandValue(message)}${os.EOL}`, {
        encoding: 'utf8'
    });
}
function prepareKeyValueMessage(key, value) {
    const delimiter = `ghadelimiter_${crypto.randomUUID()}`;
    const convertedValue = toCommandValue(value);
    // These should realistically never happen, but just in case someone finds a
    // way to exploit uuid generation let's not allow keys or values that contain
    // the delimiter.
    if (key.includes(delimiter)) {
        throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
    }
    if (convertedValue.includes(delimiter)) {
        throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
    }
    return `${key}<<${delimiter}${os.EOL}${convertedValue}${os.EOL}${delimiter}`;
}

var __awaiter$4 = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};
class BearerCredentialHandler {
    constructor(token) {
        this.token = token;
    }
    // currently implements pre-authorization
    // TODO: support preAuth = false where it hooks on 401
    prepareRequest(options) {
        if (!options.headers) {
            throw Error('The request has no headers');
        }
        options.headers['Authorization'] = `Bearer ${this.token}`;
    }
    // This handler cannot handle 401
    canHandleAuthentication() {
        return false;
    }
    handleAuthentication() {
        return __awaiter$4(this, void 0, void 0, function* () {
            throw new Error('not implemented');
        });
    }
}

(undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};

var __awaiter$3 = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};
const { access, appendFile, writeFile } = promises;
const SUMMARY_ENV_VAR = 'GITHUB_STEP_SUMMARY';
class Summary {
    constructor() {
        this._buffer = '';
    }
    /**
     * Finds the summary file path from the environment, rejects if env var is not found or file does not exist
     * Also checks r/w permissions.
     *
     * @returns step summary file path
     */
    filePath() {
        return __awaiter$3(this, void 0, void 0, function* () {
            if (this._filePath) {
                return this._filePath;
            }
            const pathFromEnv = process.env[SUMMARY_ENV_VAR];
            if (!pathFromEnv) {
                throw new Error(`Unable to find environment variable for $${SUMMARY_ENV_VAR}. Check if your runtime environment supports job summaries.`);
            }
            try {
                yield access(pathFromEnv, constants.R_OK | constants.W_OK);
            }
            catch (_a) {
                throw new Error(`Unable to access summary file: '${pathFromEnv}'. Check if the file has correct read/write permissions.`);
            }
            this._filePath = pathFromEnv;
            return this._filePath;
        });
    }
    /**
     * Wraps content in an HTML tag, adding any HTML attributes
     *
     * @param {string} tag HTML tag to wrap
     * @param {string | null} content content within the tag
     * @param {[attribute: string]: string} attrs key-value list of HTML attributes to add
     *
     * @returns {string} content wrapped in HTML element
     */
    wrap(tag, content, attrs = {}) {
        const htmlAttrs = Object.entries(attrs)
            .map(([key, value]) => ` ${key}="${value}"`)
            .join('');
        if (!content) {
            return `<${tag}${htmlAttrs}>`;
        }
        return `<${tag}${htmlAttrs}>${content}</${tag}>`;
    }
    /**
     * Writes text in the buffer to the summary buffer file and empties buffer. Will append by default.
     *
     * @param {SummaryWriteOptions} [options] (optional) options for write operation
     *
     * @returns {Promise<Summary>} summary instance
     */
    write(options) {
        return __awaiter$3(this, void 0, void 0, function* () {
            const overwrite = !!(options === null || options === void 0 ? void 0 : options.overwrite);
            const filePath = yield this.filePath();
            const writeFunc = overwrite ? writeFile : appendFile;
            yield writeFunc(filePath, this._buffer, { encoding: 'utf8' });
            return this.emptyBuffer();
        });
    }
    /**
     * Clears the summary buffer and wipes the summary file
     *
     * @returns {Summary} summary instance
     */
    clear() {
        return __awaiter$3(this, void 0, void 0, function* () {
            return this.emptyBuffer().write({ overwrite: true });
        });
    }
    /**
     * Returns the current summary buffer as a string
     *
     * @returns {string} string of summary buffer
     */
    stringify() {
        return this._buffer;
    }
    /**
     * If the summary buffer is empty
     *
     * @returns {boolen} true if the buffer is empty
     */
    isEmptyBuffer() {
        return this._buffer.length === 0;
    }
    /**
     * Resets the summary buffer without writing to summary file
     *
     * @returns {Summary} summary instance
     */
    emptyBuffer() {
        this._buffer = '';
        return this;
    }
    /**
     * Adds raw text to the summary buffer
     *
     * @param {string} text content to add
     * @param {boolean} [addEOL=false] (optional) append an EOL to the raw text (default: false)
     *
     * @returns {Summary} summary instance
     */
    addRaw(text, addEOL = false) {
        this._buffer += text;
        return addEOL ? this.addEOL() : this;
    }
    /**
     * Adds the operating system-specific end-of-line marker to the buffer
     *
     * @returns {Summary} summary instance
     */
    addEOL() {
        return this.addRaw(EOL);
    }
    /**
     * Adds an HTML codeblock to the summary buffer
     *
     * @param {string} code content to render within fenced code block
     * @param {string} lang (optional) language to syntax highlight code
     *
     * @returns {Summary} summary instance
     */
    addCodeBlock(code, lang) {
        const attrs = Object.assign({}, (lang && { lang }));
        const element = this.wrap('pre', this.wrap('code', code), attrs);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML list to the summary buffer
     *
     * @param {string[]} items list of items to render
     * @param {boolean} [ordered=false] (optional) if the rendered list should be ordered or not (default: false)
     *
     * @returns {Summary} summary instance
     */
    addList(items, ordered = false) {
        const tag = ordered ? 'ol' : 'ul';
        const listItems = items.map(item => this.wrap('li', item)).join('');
        const element = this.wrap(tag, listItems);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML table to the summary buffer
     *
     * @param {SummaryTableCell[]} rows table rows
     *
     * @returns {Summary} summary instance
     */
    addTable(rows) {
        const tableBody = rows
            .map(row => {
            const cells = row
                .map(cell => {
                if (typeof cell === 'string') {
                    return this.wrap('td', cell);
                }
                const { header, data, colspan, rowspan } = cell;
                const tag = header ? 'th' : 'td';
                const attrs = Object.assign(Object.assign({}, (colspan && { colspan })), (rowspan && { rowspan }));
                return this.wrap(tag, data, attrs);
            })
                .join('');
            return this.wrap('tr', cells);
        })
            .join('');
        const element = this.wrap('table', tableBody);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds a collapsable HTML details element to the summary buffer
     *
     * @param {string} label text for the closed state
     * @param {string} content collapsable content
     *
     * @returns {Summary} summary instance
     */
    addDetails(label, content) {
        const element = this.wrap('details', this.wrap('summary', label) + content);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML image tag to the summary buffer
     *
     * @param {string} src path to the image you to embed
     * @param {string} alt text description of the image
     * @param {SummaryImageOptions} options (optional) addition image attributes
     *
     * @returns {Summary} summary instance
     */
    addImage(src, alt, options) {
        const { width, height } = options || {};
        const attrs = Object.assign(Object.assign({}, (width && { width })), (height && { height }));
        const element = this.wrap('img', null, Object.assign({ src, alt }, attrs));
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML section heading element
     *
     * @param {string} text heading text
     * @param {number | string} [level=1] (optional) the heading level, default: 1
     *
     * @returns {Summary} summary instance
     */
    addHeading(text, level) {
        const tag = `h${level}`;
        const allowedTag = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].includes(tag)
            ? tag
            : 'h1';
        const element = this.wrap(allowedTag, text);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML thematic break (<hr>) to the summary buffer
     *
     * @returns {Summary} summary instance
     */
    addSeparator() {
        const element = this.wrap('hr', null);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML line break (<br>) to the summary buffer
     *
     * @returns {Summary} summary instance
     */
    addBreak() {
        const element = this.wrap('br', null);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML blockquote to the summary buffer
     *
     * @param {string} text quote text
     * @param {string} cite (optional) citation url
     *
     * @returns {Summary} summary instance
     */
    addQuote(text, cite) {
        const attrs = Object.assign({}, (cite && { cite }));
        const element = this.wrap('blockquote', text, attrs);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML anchor tag to the summary buffer
     *
     * @param {string} text link text/content
     * @param {string} href hyperlink
     *
     * @returns {Summary} summary instance
     */
    addLink(text, href) {
        const element = this.wrap('a', text, { href });
        return this.addRaw(element).addEOL();
    }
}
const _summary = new Summary();
const summary = _summary;

(undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};
const { chmod, copyFile, lstat, mkdir, open, readdir, rename, rm, rmdir, stat, symlink, unlink } = fs.promises;
// export const {open} = 'fs'
process.platform === 'win32';
fs.constants.O_RDONLY;

(undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};

(undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};
/* eslint-disable @typescript-eslint/unbound-method */
process.platform === 'win32';

(undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};

(undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};
os__default.platform();
os__default.arch();

var __awaiter$2 = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};
/**
 * The code to exit an action
 */
var ExitCode;
(function (ExitCode) {
    /**
     * A code indicating that the action was successful
     */
    ExitCode[ExitCode["Success"] = 0] = "Success";
    /**
     * A code indicating that the action was a failure
     */
    ExitCode[ExitCode["Failure"] = 1] = "Failure";
})(ExitCode || (ExitCode = {}));
/**
 * Registers a secret which will get masked from logs
 *
 * @param secret - Value of the secret to be masked
 * @remarks
 * This function instructs the Actions runner to mask the specified value in any
 * logs produced during the workflow run. Once registered, the secret value will
 * be replaced with asterisks (***) whenever it appears in console output, logs,
 * or error messages.
 *
 * This is useful for protecting sensitive information such as:
 * - API keys
 * - Access tokens
 * - Authentication credentials
 * - URL parameters containing signatures (SAS tokens)
 *
 * Note that masking only affects future logs; any previous appearances of the
 * secret in logs before calling this function will remain unmasked.
 *
 * @example
 * ```typescript
 * // Register an API token as a secret
 * const apiToken = "abc123xyz456";
 * setSecret(apiToken);
 *
 * // Now any logs containing this value will show *** instead
 * console.log(`Using token: ${apiToken}`); // Outputs: "Using token: ***"
 * ```
 */
function setSecret(secret) {
    issueCommand('add-mask', {}, secret);
}
/**
 * Gets the value of an input.
 * Unless trimWhitespace is set to false in InputOptions, the value is also trimmed.
 * Returns an empty string if the value is not defined.
 *
 * @param     name     name of the input to get
 * @param     options  optional. See InputOptions.
 * @returns   string
 */
function getInput(name, options) {
    const val = process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] || '';
    return val.trim();
}
/**
 * Sets the value of an output.
 *
 * @param     name     name of the output to set
 * @param     value    value to store. Non-string values will be converted to a string via JSON.stringify
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function setOutput(name, value) {
    const filePath = process.env['GITHUB_OUTPUT'] || '';
    if (filePath) {
        return issueFileCommand('OUTPUT', prepareKeyValueMessage(name, value));
    }
    process.stdout.write(os.EOL);
    issueCommand('set-output', { name }, toCommandValue(value));
}
//-----------------------------------------------------------------------
// Results
//-----------------------------------------------------------------------
/**
 * Sets the action status to failed.
 * When the action exits it will be with an exit code of 1
 * @param message add error issue message
 */
function setFailed(message) {
    process.exitCode = ExitCode.Failure;
    error(message);
}
/**
 * Writes debug message to user log
 * @param message debug message
 */
function debug(message) {
    issueCommand('debug', {}, message);
}
/**
 * Adds an error issue
 * @param message error issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function error(message, properties = {}) {
    issueCommand('error', toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Adds a warning issue
 * @param message warning issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function warning(message, properties = {}) {
    issueCommand('warning', toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Adds a notice issue
 * @param message notice issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function notice(message, properties = {}) {
    issueCommand('notice', toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Writes info to log with console.log.
 * @param message info message
 */
function info(message) {
    process.stdout.write(message + os.EOL);
}
/**
 * Begin an output group.
 *
 * Output until the next `groupEnd` will be foldable in this group
 *
 * @param name The name of the output group
 */
function startGroup(name) {
    issue('group', name);
}
/**
 * End an output group.
 */
function endGroup() {
    issue('endgroup');
}
/**
 * Wrap an asynchronous function call in a group.
 *
 * Returns the same type as the function itself.
 *
 * @param name The name of the group
 * @param fn The function to wrap in the group
 */
function group(name, fn) {
    return __awaiter$2(this, void 0, void 0, function* () {
        startGroup(name);
        let result;
        try {
            result = yield fn();
        }
        finally {
            endGroup();
        }
        return result;
    });
}

/**
 * Returns a copy with defaults filled in.
 */
function getOptions(copy) {
    const result = {
        followSymbolicLinks: true,
        implicitDescendants: true,
        matchDirectories: true,
        omitBrokenSymbolicLinks: true,
        excludeHiddenFiles: false
    };
    if (copy) {
        if (typeof copy.followSymbolicLinks === 'boolean') {
            result.followSymbolicLinks = copy.followSymbolicLinks;
            debug(`followSymbolicLinks '${result.followSymbolicLinks}'`);
        }
        if (typeof copy.implicitDescendants === 'boolean') {
            result.implicitDescendants = copy.implicitDescendants;
            debug(`implicitDescendants '${result.implicitDescendants}'`);
        }
        if (typeof copy.matchDirectories === 'boolean') {
            result.matchDirectories = copy.matchDirectories;
            debug(`matchDirectories '${result.matchDirectories}'`);
        }
        if (typeof copy.omitBrokenSymbolicLinks === 'boolean') {
            result.omitBrokenSymbolicLinks = copy.omitBrokenSymbolicLinks;
            debug(`omitBrokenSymbolicLinks '${result.omitBrokenSymbolicLinks}'`);
        }
        if (typeof copy.excludeHiddenFiles === 'boolean') {
            result.excludeHiddenFiles = copy.excludeHiddenFiles;
            debug(`excludeHiddenFiles '${result.excludeHiddenFiles}'`);
        }
    }
    return result;
}

const IS_WINDOWS$4 = process.platform === 'win32';
/**
 * Similar to path.dirname except normalizes the path separators and slightly better handling for Windows UNC paths.
 *
 * For example, on Linux/macOS:
 * - `/               => /`
 * - `/hello          => /`
 *
 * For example, on Windows:
 * - `C:\             => C:\`
 * - `C:\hello        => C:\`
 * - `C:              => C:`
 * - `C:hello         => C:`
 * - `\               => \`
 * - `\hello          => \`
 * - `\\hello         => \\hello`
 * - `\\hello\world   => \\hello\world`
 */
function dirname(p) {
    // Normalize slashes and trim unnecessary trailing slash
    p = safeTrimTrailingSeparator(p);
    // Windows UNC root, e.g. \\hello or \\hello\world
    if (IS_WINDOWS$4 && /^\\\\[^\\]+(\\[^\\]+)?$/.test(p)) {
        return p;
    }
    // Get dirname
    let result = path$1.dirname(p);
    // Trim trailing slash for Windows UNC root, e.g. \\hello\world\
    if (IS_WINDOWS$4 && /^\\\\[^\\]+\\[^\\]+\\$/.test(result)) {
        result = safeTrimTrailingSeparator(result);
    }
    return result;
}
/**
 * Roots the path if not already rooted. On Windows, relative roots like `\`
 * or `C:` are expanded based on the current working directory.
 */
function ensureAbsoluteRoot(root, itemPath) {
    assert(root, `ensureAbsoluteRoot parameter 'root' must not be empty`);
    assert(itemPath, `ensureAbsoluteRoot parameter 'itemPath' must not be empty`);
    // Already rooted
    if (hasAbsoluteRoot(itemPath)) {
        return itemPath;
    }
    // Windows
    if (IS_WINDOWS$4) {
        // Check for itemPath like C: or C:foo
        if (itemPath.match(/^[A-Z]:[^\\/]|^[A-Z]:$/i)) {
            let cwd = process.cwd();
            assert(cwd.match(/^[A-Z]:\\/i), `Expected current directory to start with an absolute drive root. Actual '${cwd}'`);
            // Drive letter matches cwd? Expand to cwd
            if (itemPath[0].toUpperCase() === cwd[0].toUpperCase()) {
                // Drive only, e.g. C:
                if (itemPath.length === 2) {
                    // Preserve specified drive letter case (upper or lower)
                    return `${itemPath[0]}:\\${cwd.substr(3)}`;
                }
                // Drive + path, e.g. C:foo
                else {
                    if (!cwd.endsWith('\\')) {
                        cwd += '\\';
                    }
                    // Preserve specified drive letter case (upper or lower)
                    return `${itemPath[0]}:\\${cwd.substr(3)}${itemPath.substr(2)}`;
                }
            }
            // Different drive
            else {
                return `${itemPath[0]}:\\${itemPath.substr(2)}`;
            }
        }
        // Check for itemPath like \ or \foo
        else if (normalizeSeparators(itemPath).match(/^\\$|^\\[^\\]/)) {
            const cwd = process.cwd();
            assert(cwd.match(/^[A-Z]:\\/i), `Expected current directory to start with an absolute drive root. Actual '${cwd}'`);
            return `${cwd[0]}:\\${itemPath.substr(1)}`;
        }
    }
    assert(hasAbsoluteRoot(root), `ensureAbsoluteRoot parameter 'root' must have an absolute root`);
    // Otherwise ensure root ends with a separator
    if (root.endsWith('/') || (IS_WINDOWS$4 && root.endsWith('\\'))) ;
    else {
        // Append separator
        root += path$1.sep;
    }
    return root + itemPath;
}
/**
 * On Linux/macOS, true if path starts with `/`. On Windows, true for paths like:
 * `\\hello\share` and `C:\hello` (and using alternate separator).
 */
function hasAbsoluteRoot(itemPath) {
    assert(itemPath, `hasAbsoluteRoot parameter 'itemPath' must not be empty`);
    // Normalize separators
    itemPath = normalizeSeparators(itemPath);
    // Windows
    if (IS_WINDOWS$4) {
        // E.g. \\hello\share or C:\hello
        return itemPath.startsWith('\\\\') || /^[A-Z]:\\/i.test(itemPath);
    }
    // E.g. /hello
    return itemPath.startsWith('/');
}
/**
 * On Linux/macOS, true if path starts with `/`. On Windows, true for paths like:
 * `\`, `\hello`, `\\hello\share`, `C:`, and `C:\hello` (and using alternate separator).
 */
function hasRoot(itemPath) {
    assert(itemPath, `isRooted parameter 'itemPath' must not be empty`);
    // Normalize separators
    itemPath = normalizeSeparators(itemPath);
    // Windows
    if (IS_WINDOWS$4) {
        // E.g. \ or \hello or \\hello
        // E.g. C: or C:\hello
        return itemPath.startsWith('\\') || /^[A-Z]:/i.test(itemPath);
    }
    // E.g. /hello
    return itemPath.startsWith('/');
}
/**
 * Removes redundant slashes and converts `/` to `\` on Windows
 */
function normalizeSeparators(p) {
    p = p || '';
    // Windows
    if (IS_WINDOWS$4) {
        // Convert slashes on Windows
        p = p.replace(/\//g, '\\');
        // Remove redundant slashes
        const isUnc = /^\\\\+[^\\]/.test(p); // e.g. \\hello
        return (isUnc ? '\\' : '') + p.replace(/\\\\+/g, '\\'); // preserve leading \\ for UNC
    }
    // Remove redundant slashes
    return p.replace(/\/\/+/g, '/');
}
/**
 * Normalizes the path separators and trims the trailing separator (when safe).
 * For example, `/foo/ => /foo` but `/ => /`
 */
function safeTrimTrailingSeparator(p) {
    // Short-circuit if empty
    if (!p) {
        return '';
    }
    // Normalize separators
    p = normalizeSeparators(p);
    // No trailing slash
    if (!p.endsWith(path$1.sep)) {
        return p;
    }
    // Check '/' on Linux/macOS and '\' on Windows
    if (p === path$1.sep) {
        return p;
    }
    // On Windows check if drive root. E.g. C:\
    if (IS_WINDOWS$4 && /^[A-Z]:\\$/i.test(p)) {
        return p;
    }
    // Otherwise trim trailing slash
    return p.substr(0, p.length - 1);
}

/**
 * Indicates whether a pattern matches a path
 */
var MatchKind;
(function (MatchKind) {
    /** Not matched */
    MatchKind[MatchKind["None"] = 0] = "None";
    /** Matched if the path is a directory */
    MatchKind[MatchKind["Directory"] = 1] = "Directory";
    /** Matched if the path is a regular file */
    MatchKind[MatchKind["File"] = 2] = "File";
    /** Matched */
    MatchKind[MatchKind["All"] = 3] = "All";
})(MatchKind || (MatchKind = {}));

const IS_WINDOWS$3 = process.platform === 'win32';
/**
 * Given an array of patterns, returns an array of paths to search.
 * Duplicates and paths under other included paths are filtered out.
 */
function getSearchPaths(patterns) {
    // Ignore negate patterns
    patterns = patterns.filter(x => !x.negate);
    // Create a map of all search paths
    const searchPathMap = {};
    for (const pattern of patterns) {
        const key = IS_WINDOWS$3
            ? pattern.searchPath.toUpperCase()
            : pattern.searchPath;
        searchPathMap[key] = 'candidate';
    }
    const result = [];
    for (const pattern of patterns) {
        // Check if already included
        const key = IS_WINDOWS$3
            ? pattern.searchPath.toUpperCase()
            : pattern.searchPath;
        if (searchPathMap[key] === 'included') {
            continue;
        }
        // Check for an ancestor search path
        let foundAncestor = false;
        let tempKey = key;
        let parent = dirname(tempKey);
        while (parent !== tempKey) {
            if (searchPathMap[parent]) {
                foundAncestor = true;
                break;
            }
            tempKey = parent;
            parent = dirname(tempKey);
        }
        // Include the search pattern in the result
        if (!foundAncestor) {
            result.push(pattern.searchPath);
            searchPathMap[key] = 'included';
        }
    }
    return result;
}
/**
 * Matches the patterns against the path
 */
function match$1(patterns, itemPath) {
    let result = MatchKind.None;
    for (const pattern of patterns) {
        if (pattern.negate) {
            result &= ~pattern.match(itemPath);
        }
        else {
            result |= pattern.match(itemPath);
        }
    }
    return result;
}
/**
 * Checks whether to descend further into the directory
 */
function partialMatch(patterns, itemPath) {
    return patterns.some(x => !x.negate && x.partialMatch(itemPath));
}

const range = (a, b, str) => {
    let begs, beg, left, right = undefined, result;
    let ai = str.indexOf(a);
    let bi = str.indexOf(b, ai + 1);
    let i = ai;
    if (ai >= 0 && bi > 0) {
        begs = [];
        left = str.length;
        while (i >= 0 && !result) {
            if (i === ai) {
                begs.push(i);
                ai = str.indexOf(a, i + 1);
            }
            else if (begs.length === 1) {
                const r = begs.pop();
                if (r !== undefined)
                    result = [r, bi];
            }
            else {
                beg = begs.pop();
                if (beg !== undefined && beg < left) {
                    left = beg;
                    right = bi;
                }
                bi = str.indexOf(b, i + 1);
            }
            i = ai < bi && ai >= 0 ? ai : bi;
        }
        if (begs.length && right !== undefined) {
            result = [left, right];
        }
    }
    return result;
};

const escSlash = '\0SLASH' + Math.random().toFixed(16) + '\0';
const escOpen = '\0OPEN' + Math.random().toFixed(16) + '\0';
const escClose = '\0CLOSE' + Math.random().toFixed(16) + '\0';
const escComma = '\0COMMA' + Math.random().toFixed(16) + '\0';
const escPeriod = '\0PERIOD' + Math.random().toFixed(16) + '\0';
const escSlashPattern = new RegExp(escSlash, 'g');
const escOpenPattern = new RegExp(escOpen, 'g');
const escClosePattern = new RegExp(escClose, 'g');
const escCommaPattern = new RegExp(escComma, 'g');
const escPeriodPattern = new RegExp(escPeriod, 'g');
const slashPattern = /\\\\/g;
const openPattern = /\\{/g;
const closePattern = /\\}/g;
const commaPattern = /\\,/g;
const periodPattern = /\\\./g;
const EXPANSION_MAX = 100_000;
// `EXPANSION_MAX` caps the *number* of expansions, but not their length. An
// input like `'{a,b}'.repeat(1500)` stays under that count - its output is
// truncated to 100k results - while making every result ~1500 characters
// long. The result set, and the intermediate arrays built while combining
// brace sets, then grow large enough to exhaust memory and crash the process
// (CVE-2026-14257). `EXPANSION_MAX_LENGTH` bounds the total number of
// characters the accumulator may hold at any point, so memory stays flat no
// matter how many brace groups are chained. The limit sits well above any
// realistic expansion (100k results hitting `EXPANSION_MAX` measure ~1M
// characters) so legitimate input is unaffected.
const EXPANSION_MAX_LENGTH = 4_000_000;
// `expand_` recurses once per level of brace *nesting* - both when expanding a
// set's comma members and when re-wrapping a set whose body is a single part.
// The CVE-2026-14257 fix made the *tail* iterative (recursion on `m.post`, one
// level per chained group), which left nesting depth unbounded: about 3,100
// levels of `{{{...a,b...}}}` - only ~6KB of input - exhausted the native stack
// and crashed the process. `EXPANSION_MAX_DEPTH` bounds how deep the parser
// will follow nesting. It sits far above any realistic pattern and well below
// the depth at which the stack runs out.
const EXPANSION_MAX_DEPTH = 1_000;
// Bash keeps a quirk where a brace group followed by a comma set still expands
// (`{a},b}`). The parser implements it by rewriting the string and restarting
// the scan, absorbing one `}` per pass. `n` trailing braces therefore cost `n`
// full passes over a string that itself grows by one `escClose` sentinel each
// time - quadratic in `n`, with a ~26x constant from the sentinel's length.
// 128KB of `'{a}' + '}'.repeat(n) + ',z}'` blocked the event loop for 27
// seconds to produce two results. `EXPANSION_MAX_REWRITES` bounds how many
// times the scan may restart. Real `{a},b}` input needs a handful.
const EXPANSION_MAX_REWRITES = 1_000;
// `EXPANSION_MAX_STEPS` bounds the work one `expand` call does, which `max`,
// `maxLength` and `maxDepth` don't: nested sets are rescanned at every level
// and chained groups each rebuild up to `max` results, so 2KB of input could
// block the event loop for over 30 seconds. Each character scanned, result
// built and sequence value generated is a step, and each `expand_` call costs
// `CALL_STEPS` more. Past the budget, the set being expanded and everything
// after it stay literal. A glob needs a few hundred steps, and nesting all the
// way to `EXPANSION_MAX_DEPTH` about 4M.
const EXPANSION_MAX_STEPS = 20_000_000;
// What one `expand_` call costs on top of what it scans and builds. Setting
// one up takes about as long as scanning 16 characters, and a set whose
// results are wrapped to be expanded again makes one call per result, each
// scanning and building next to nothing: 64KB of
// `('{{' + ','.repeat(316) + '}{' + ','.repeat(316) + '}}').repeat(n)` made
// 4M such calls, which spent the budget three times as slowly as anything
// else.
const CALL_STEPS = 16;
function numeric(str) {
    return !isNaN(str) ? parseInt(str, 10) : str.charCodeAt(0);
}
function escapeBraces(str) {
    return str
        .replace(slashPattern, escSlash)
        .replace(openPattern, escOpen)
        .replace(closePattern, escClose)
        .replace(commaPattern, escComma)
        .replace(periodPattern, escPeriod);
}
function unescapeBraces(str) {
    return str
        .replace(escSlashPattern, '\\')
        .replace(escOpenPattern, '{')
        .replace(escClosePattern, '}')
        .replace(escCommaPattern, ',')
        .replace(escPeriodPattern, '.');
}
// Like `target.push(...items)` but doesn't overflow the stack
function pushAll(target, items) {
    for (let i = 0; i < items.length; i++) {
        target.push(items[i]);
    }
}
// `balanced`, run on `masked` (see `maskUnmatchedOpens`), sliced from `str`
// and charged for the characters it walks: up to the group's `}`, or the
// whole string when there is no match or unmatched `{` come first, which
// `unmatched` then flags for masking. Once a call overdraws the budget, it
// and every later one return undefined, so the rest stays literal.
function balancedWithBudget(str, masked, budget) {
    if (budget.remaining < 0) {
        return undefined;
    }
    const r = range('{', '}', masked);
    const unmatched = r !== undefined && masked.indexOf('{') < r[0];
    budget.remaining -= r && !unmatched ? r[1] + 1 : str.length;
    if (!r || budget.remaining < 0) {
        return undefined;
    }
    return {
        end: r[1],
        pre: str.slice(0, r[0]),
        body: str.slice(r[0] + 1, r[1]),
        post: str.slice(r[1] + 1),
        unmatched,
    };
}
// `masked` with every `{` that has no matching `}` swapped for a `\0`, which
// keeps the length, so a scan of it still lines up with the string it was
// made from. Such a `{` is literal either way, but `balanced` only learns that
// one is unmatched by reading to the end of the string, so with one at the
// head of every group (`'{a,{b,c}'.repeat(n)`) each scan read the rest of the
// input. That was quadratic, and once the step budget charged for it, it ran
// out partway through and left the rest literal. A scan of the masked copy
// stops at the group's `}`. It is one pass, charged as such.
function maskUnmatchedOpens(masked, budget) {
    budget.remaining -= masked.length;
    const open = [];
    for (let i = 0; i < masked.length; i++) {
        const c = masked.charCodeAt(i);
        if (c === 0x7b) {
            open.push(i);
        }
        else if (c === 0x7d && open.length) {
            open.pop();
        }
    }
    let out = '';
    let last = 0;
    for (let i = 0; i < open.length; i++) {
        const at = open[i];
        out += masked.slice(last, at) + '\0';
        last = at + 1;
    }
    return out + masked.slice(last);
}
// Whether `str` has a `,` not followed by another `,`, with a `}` after it on
// the same line - what `/,(?!,).*\}/.test(str)` asks, answered in one pass from
// the end. The regex tries every `,` and backtracks through the rest of its
// line from each, which is quadratic, and the `{a},b}` rewrite asks again on
// every pass. Like a scan, it is charged for the whole string and refused if
// that overdraws the budget.
function commaSetFollows(str, budget) {
    budget.remaining -= str.length;
    if (budget.remaining < 0) {
        return false;
    }
    // Whether a `}` follows the current position before the line ends
    let close = false;
    for (let i = str.length - 1; i >= 0; i--) {
        const c = str.charCodeAt(i);
        if (c === 0x7d) {
            close = true;
        }
        else if (c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029) {
            // A line terminator, which `.` does not match
            close = false;
        }
        else if (c === 0x2c && close && str.charCodeAt(i + 1) !== 0x2c) {
            return true;
        }
    }
    return false;
}
/**
 * Basically just str.split(","), but handling cases
 * where we have nested braced sections, which should be
 * treated as individual members, like {a,{b,c},d}
 *
 * Returns `undefined` if the step budget runs out before the whole set is
 * split, since splitting what is left on every comma would tear apart the
 * nested sets it still holds.
 */
function parseCommaParts(str, budget) {
    const parts = [];
    // Walk the brace groups iteratively. Recursing on `post` once per group let a
    // chain of them exhaust the stack - the parsing-side counterpart to
    // the `expand_` overflow fixed for CVE-2026-14257, and not something `max` or
    // `maxLength` can bound, since it happens before expansion.
    //
    // The part the next chunk continues
    let carry = '';
    for (;;) {
        // A set's body holds no unmatched `{`, so there is nothing to mask.
        const m = balancedWithBudget(str, str, budget);
        if (budget.remaining < 0) {
            return undefined;
        }
        if (!m) {
            const tail = str.split(',');
            tail[0] = carry + tail[0];
            pushAll(parts, tail);
            return parts;
        }
        const { pre, body, post } = m;
        const p = pre.split(',');
        p[0] = carry + p[0];
        p[p.length - 1] += '{' + body + '}';
        if (!post.length) {
            pushAll(parts, p);
            return parts;
        }
        carry = p.pop();
        pushAll(parts, p);
        str = post;
    }
}
// An option that is left out, or that is NaN, gets its default. Every
// comparison against NaN is false, so a NaN bound would never be reached:
// `{ maxSteps: NaN }` let 15KB of input block the event loop for 16 seconds,
// and `{ maxDepth: NaN }` overflowed the stack again (CVE-2026-102278). Pass
// `Infinity` to lift a bound.
function bound(value, fallback) {
    return value === undefined || isNaN(value) ? fallback : value;
}
function expand(str, options = {}) {
    if (!str) {
        return [];
    }
    const max = bound(options.max, EXPANSION_MAX);
    const maxLength = bound(options.maxLength, EXPANSION_MAX_LENGTH);
    const maxDepth = bound(options.maxDepth, EXPANSION_MAX_DEPTH);
    const maxRewrites = bound(options.maxRewrites, EXPANSION_MAX_REWRITES);
    const maxSteps = bound(options.maxSteps, EXPANSION_MAX_STEPS);
    // I don't know why Bash 4.3 does this, but it does.
    // Anything starting with {} will have the first two bytes preserved
    // but *only* at the top level, so {},a}b will not expand to anything,
    // but a{},b}c will be expanded to [a}c,abc].
    // One could argue that this is a bug in Bash, but since the goal of
    // this module is to match Bash's rules, we escape a leading {}
    if (str.slice(0, 2) === '{}') {
        str = '\\{\\}' + str.slice(2);
    }
    return expand_(escapeBraces(str), max, maxLength, maxDepth, 0, maxRewrites, { remaining: maxSteps }, true).map(unescapeBraces);
}
function embrace(str) {
    return '{' + str + '}';
}
function isPadded(el) {
    return /^-?0\d/.test(el);
}
function lte(i, y) {
    return i <= y;
}
function gte(i, y) {
    return i >= y;
}
// Build `{ acc[a] + pre + values[v] }` for every combination, capping the
// number of results at `max` and the total number of characters at `maxLength`.
// This is the one place output grows, so bounding it here keeps the single
// accumulator - and therefore memory - flat regardless of how many brace groups
// are combined (CVE-2026-14257). Each result built is a step, since `max` and
// `maxLength` bound one combination, not how many brace groups are combined.
function combine(acc, pre, values, max, maxLength, dropEmpties, budget) {
    const out = [];
    let length = 0;
    // Bash drops empty results at the top level, and they don't count against
    // `max`, so `max` bounds the number of *kept* results. Only an empty
    // `acc[a] + pre` can make one, so for those the empty values are skipped
    // without being visited. Visiting them one at a time let a set of empties
    // cost `acc.length * values.length` while keeping nothing.
    let nonEmpty;
    outer: for (let a = 0; a < acc.length; a++) {
        const prefix = acc[a] + pre;
        let vs = values;
        if (dropEmpties && !prefix) {
            if (!nonEmpty)
                nonEmpty = values.filter(v => v);
            vs = nonEmpty;
        }
        for (let v = 0; v < vs.length; v++) {
            if (out.length >= max)
                break outer;
            const expansion = prefix + vs[v];
            if (length + expansion.length > maxLength)
                break outer;
            out.push(expansion);
            length += expansion.length;
        }
    }
    budget.remaining -= out.length;
    return out;
}
// The expansion values of a single numeric (`1..5`) or alphabetic (`a..e..2`)
// sequence body, or `undefined` if the step budget runs out generating them.
function expandSequence(body, isAlphaSequence, max, maxLength, budget) {
    const n = body.split(/\.\./);
    const N = [];
    // A sequence body always splits into two or three parts, but the compiler
    // can't know that.
    /* c8 ignore start */
    if (n[0] === undefined || n[1] === undefined) {
        return N;
    }
    /* c8 ignore stop */
    const x = numeric(n[0]);
    const y = numeric(n[1]);
    const width = Math.max(n[0].length, n[1].length);
    let incr = n.length === 3 && n[2] !== undefined ?
        Math.max(Math.abs(numeric(n[2])), 1)
        : 1;
    let test = lte;
    const reverse = y < x;
    if (reverse) {
        incr *= -1;
        test = gte;
    }
    const pad = n.some(isPadded);
    // A padded value is built a character at a time to `width`, which the input
    // sets, so it costs one step per character: 64KB of
    // `('{' + '0'.repeat(100) + '..99999}').repeat(n)` took 7 seconds charged
    // one step per value.
    const cost = pad ? width : 1;
    let length = 0;
    for (let i = x; test(i, y) && N.length < max; i += incr) {
        // Each value is a step. `max` and `maxLength` bound one sequence, but a
        // chain of them still generated up to `max` values each, however few
        // combining could keep.
        budget.remaining -= cost;
        if (budget.remaining < 0) {
            return undefined;
        }
        let c;
        if (isAlphaSequence) {
            c = String.fromCharCode(i);
            if (c === '\\') {
                c = '';
            }
        }
        else {
            c = String(i);
            if (pad) {
                const need = width - c.length;
                if (need > 0) {
                    const z = new Array(need + 1).join('0');
                    if (i < 0) {
                        c = '-' + z + c.slice(1);
                    }
                    else {
                        c = z + c;
                    }
                }
            }
        }
        if (length + c.length > maxLength)
            break;
        N.push(c);
        length += c.length;
    }
    return N;
}
function expand_(str, max, maxLength, maxDepth, depth, maxRewrites, budget, isTop) {
    // An overdraft here makes the first scan refuse, so `str` stays literal.
    budget.remaining -= CALL_STEPS;
    // Too deeply nested to keep following: treat the rest as literal, the same
    // way a group that cannot expand is already handled. Truncating rather than
    // throwing keeps `expand` total, matching `max` and `maxLength`.
    if (depth > maxDepth) {
        return [str];
    }
    // Consume the string's top-level brace groups left to right, threading a
    // running set of combined prefixes (`acc`). Expanding the tail iteratively -
    // rather than recursing on `m.post` once per group - keeps the native stack
    // depth constant, so deeply chained input (`'{a,b}'.repeat(3000)`) can no
    // longer overflow the stack, and leaves a single accumulator whose size
    // `maxLength` bounds directly (CVE-2026-14257).
    let acc = [''];
    // Bash drops empty results, but only when the *first* top-level group is a
    // comma set - a sequence like `{a..\}` may legitimately yield ''. The drop
    // is on the final strings, so it is applied to whichever `combine` produces
    // them (the one with no brace set left in the tail).
    // How many times the `{a},b}` rewrite below has restarted the scan. Each pass
    // re-reads the whole string, so leaving this unbounded is quadratic.
    let rewrites = 0;
    let dropEmpties = false;
    let firstGroup = true;
    // `str` with its unmatched `{` masked, once a scan has run into them
    let masked = str;
    for (;;) {
        const m = balancedWithBudget(str, masked, budget);
        // No brace set left, or no step budget left to look for one: the rest of
        // the string is literal.
        if (!m) {
            return combine(acc, str, [''], max, maxLength, dropEmpties, budget);
        }
        if (m.unmatched) {
            masked = maskUnmatchedOpens(masked, budget);
        }
        // no need to expand pre, since it is guaranteed to be free of brace-sets
        const pre = m.pre;
        // This set and the rest of the string, literal: for a set that cannot
        // expand, and for one the step budget runs out on. Once it is overdrawn,
        // every set still being expanded, at every level, stays literal like this -
        // otherwise each level above would go on combining, and wrapping and
        // expanding again, results the budget was too small for.
        const literal = () => combine(acc, pre + '{' + m.body + '}' + m.post, [''], max, maxLength, dropEmpties, budget);
        if (/\$$/.test(pre)) {
            acc = combine(acc, pre + '{' + m.body + '}', [''], max, maxLength, dropEmpties && !m.post.length, budget);
            firstGroup = false;
            if (!m.post.length)
                break;
            str = m.post;
            masked = masked.slice(m.end + 1);
            continue;
        }
        const isNumericSequence = /^-?\d+\.\.-?\d+(?:\.\.-?\d+)?$/.test(m.body);
        const isAlphaSequence = /^[a-zA-Z]\.\.[a-zA-Z](?:\.\.-?\d+)?$/.test(m.body);
        const isSequence = isNumericSequence || isAlphaSequence;
        const isOptions = m.body.indexOf(',') >= 0;
        if (!isSequence && !isOptions) {
            // {a},b}
            if (rewrites < maxRewrites && commaSetFollows(m.post, budget)) {
                rewrites++;
                str = m.pre + '{' + m.body + escClose + m.post;
                // Taking a `}` away never gives an unmatched `{` a partner, so what
                // is masked stays unmatched. The `{` it closed can be left without
                // one, and the next scan masks it.
                masked =
                    masked.slice(0, m.end) + escClose + masked.slice(m.end + 1);
                isTop = true;
                continue;
            }
            // Nothing here expands, so the whole remaining string is literal.
            return literal();
        }
        if (firstGroup) {
            dropEmpties = isTop && !isSequence;
            firstGroup = false;
        }
        let values;
        if (isSequence) {
            values = expandSequence(m.body, isAlphaSequence, max, maxLength, budget);
            if (!values) {
                return literal();
            }
        }
        else {
            let n = parseCommaParts(m.body, budget);
            // The step budget ran out partway through the set.
            if (!n) {
                return literal();
            }
            if (n.length === 1 && n[0] !== undefined) {
                // x{{a,b}}y ==> x{a}y x{b}y
                n = expand_(n[0], max, maxLength, maxDepth, depth + 1, maxRewrites, budget, false).map(embrace);
                // The step budget ran out expanding the set's only part.
                if (budget.remaining < 0) {
                    return literal();
                }
                //XXX is this necessary? Can't seem to hit it in tests.
                /* c8 ignore start */
                if (n.length === 1) {
                    const next = combine(acc, pre + n[0], [''], max, maxLength, dropEmpties && !m.post.length, budget);
                    if (budget.remaining < 0) {
                        return literal();
                    }
                    acc = next;
                    if (!m.post.length)
                        break;
                    str = m.post;
                    masked = masked.slice(m.end + 1);
                    continue;
                }
                /* c8 ignore stop */
            }
            // Values that `combine` is going to drop as empty produce no result, so
            // they must not count against `max` - otherwise `{a,,b}` with `max: 2`
            // would stop at `['a', '']` and yield one result instead of two. Skipping
            // them outright keeps `values` bounded while leaving `max` a bound on
            // *kept* results.
            let dropsEmpties = dropEmpties && !m.post.length && !pre;
            for (let d = 0; dropsEmpties && d < acc.length; d++) {
                if (acc[d]) {
                    dropsEmpties = false;
                }
            }
            values = [];
            let valuesLength = 0;
            outer: for (let j = 0; j < n.length; j++) {
                const expanded = expand_(n[j], max, maxLength, maxDepth, depth + 1, maxRewrites, budget, false);
                // The step budget ran out expanding a member.
                if (budget.remaining < 0) {
                    return literal();
                }
                for (let k = 0; k < expanded.length; k++) {
                    const v = expanded[k];
                    if (dropsEmpties && !v)
                        continue;
                    if (values.length >= max ||
                        valuesLength + v.length > maxLength) {
                        break outer;
                    }
                    values.push(v);
                    valuesLength += v.length;
                }
            }
        }
        const next = combine(acc, pre, values, max, maxLength, dropEmpties && !m.post.length, budget);
        // The step budget ran out combining the set's values in.
        if (budget.remaining < 0) {
            return literal();
        }
        acc = next;
        if (!m.post.length)
            break;
        str = m.post;
        masked = masked.slice(m.end + 1);
    }
    return acc;
}

const MAX_PATTERN_LENGTH = 1024 * 64;
const assertValidPattern = (pattern) => {
    if (typeof pattern !== 'string') {
        throw new TypeError('invalid pattern');
    }
    if (pattern.length > MAX_PATTERN_LENGTH) {
        throw new TypeError('pattern is too long');
    }
};

// translate the various posix character classes into unicode properties
// this works across all unicode locales
// { <posix class>: [<translation>, /u flag required, negated]
const posixClasses = {
    '[:alnum:]': ['\\p{L}\\p{Nl}\\p{Nd}', true],
    '[:alpha:]': ['\\p{L}\\p{Nl}', true],
    '[:ascii:]': ['\\x' + '00-\\x' + '7f', false],
    '[:blank:]': ['\\p{Zs}\\t', true],
    '[:cntrl:]': ['\\p{Cc}', true],
    '[:digit:]': ['\\p{Nd}', true],
    '[:graph:]': ['\\p{Z}\\p{C}', true, true],
    '[:lower:]': ['\\p{Ll}', true],
    '[:print:]': ['\\p{C}', true],
    '[:punct:]': ['\\p{P}', true],
    '[:space:]': ['\\p{Z}\\t\\r\\n\\v\\f', true],
    '[:upper:]': ['\\p{Lu}', true],
    '[:word:]': ['\\p{L}\\p{Nl}\\p{Nd}\\p{Pc}', true],
    '[:xdigit:]': ['A-Fa-f0-9', false],
};
// only need to escape a few things inside of brace expressions
// escapes: [ \ ] -
const braceEscape = (s) => s.replace(/[[\]\\-]/g, '\\$&');
// escape all regexp magic characters
const regexpEscape = (s) => s.replace(/[-[\]{}()*+?.,\\^$|#\s]/g, '\\$&');
// everything has already been escaped, we just have to join
const rangesToString = (ranges) => ranges.join('');
// takes a glob string at a posix brace expression, and returns
// an equivalent regular expression source, and boolean indicating
// whether the /u flag needs to be applied, and the number of chars
// consumed to parse the character class.
// This also removes out of order ranges, and returns ($.) if the
// entire class just no good.
const parseClass = (glob, position) => {
    const pos = position;
    /* c8 ignore start */
    if (glob.charAt(pos) !== '[') {
        throw new Error('not in a brace expression');
    }
    /* c8 ignore stop */
    const ranges = [];
    const negs = [];
    let i = pos + 1;
    let sawStart = false;
    let uflag = false;
    let escaping = false;
    let negate = false;
    let endPos = pos;
    let rangeStart = '';
    WHILE: while (i < glob.length) {
        const c = glob.charAt(i);
        if ((c === '!' || c === '^') && i === pos + 1) {
            negate = true;
            i++;
            continue;
        }
        if (c === ']' && sawStart && !escaping) {
            endPos = i + 1;
            break;
        }
        sawStart = true;
        if (c === '\\') {
            if (!escaping) {
                escaping = true;
                i++;
                continue;
            }
            // escaped \ char, fall through and treat like normal char
        }
        if (c === '[' && !escaping) {
            // either a posix class, a collation equivalent, or just a [
            for (const [cls, [unip, u, neg]] of Object.entries(posixClasses)) {
                if (glob.startsWith(cls, i)) {
                    // invalid, [a-[] is fine, but not [a-[:alpha]]
                    if (rangeStart) {
                        return ['$.', false, glob.length - pos, true];
                    }
                    i += cls.length;
                    if (neg)
                        negs.push(unip);
                    else
                        ranges.push(unip);
                    uflag = uflag || u;
                    continue WHILE;
                }
            }
        }
        // now it's just a normal character, effectively
        escaping = false;
        if (rangeStart) {
            // throw this range away if it's not valid, but others
            // can still match.
            if (c > rangeStart) {
                ranges.push(braceEscape(rangeStart) + '-' + braceEscape(c));
            }
            else if (c === rangeStart) {
                ranges.push(braceEscape(c));
            }
            rangeStart = '';
            i++;
            continue;
        }
        // now might be the start of a range.
        // can be either c-d or c-] or c<more...>] or c] at this point
        if (glob.startsWith('-]', i + 1)) {
            ranges.push(braceEscape(c + '-'));
            i += 2;
            continue;
        }
        if (glob.startsWith('-', i + 1)) {
            rangeStart = c;
            i += 2;
            continue;
        }
        // not the start of a range, just a single character
        ranges.push(braceEscape(c));
        i++;
    }
    if (endPos < i) {
        // didn't see the end of the class, not a valid class,
        // but might still be valid as a literal match.
        return ['', false, 0, false];
    }
    // if we got no ranges and no negates, then we have a range that
    // cannot possibly match anything, and that poisons the whole glob
    if (!ranges.length && !negs.length) {
        return ['$.', false, glob.length - pos, true];
    }
    // if we got one positive range, and it's a single character, then that's
    // not actually a magic pattern, it's just that one literal character.
    // we should not treat that as "magic", we should just return the literal
    // character. [_] is a perfectly valid way to escape glob magic chars.
    if (negs.length === 0 &&
        ranges.length === 1 &&
        /^\\?.$/.test(ranges[0]) &&
        !negate) {
        const r = ranges[0].length === 2 ? ranges[0].slice(-1) : ranges[0];
        return [regexpEscape(r), false, endPos - pos, false];
    }
    const sranges = '[' + (negate ? '^' : '') + rangesToString(ranges) + ']';
    const snegs = '[' + (negate ? '' : '^') + rangesToString(negs) + ']';
    const comb = ranges.length && negs.length ? '(' + sranges + '|' + snegs + ')'
        : ranges.length ? sranges
            : snegs;
    return [comb, uflag, endPos - pos, true];
};

/**
 * Un-escape a string that has been escaped with {@link escape}.
 *
 * If the {@link MinimatchOptions.windowsPathsNoEscape} option is used, then
 * square-bracket escapes are removed, but not backslash escapes.
 *
 * For example, it will turn the string `'[*]'` into `*`, but it will not
 * turn `'\\*'` into `'*'`, because `\` is a path separator in
 * `windowsPathsNoEscape` mode.
 *
 * When `windowsPathsNoEscape` is not set, then both square-bracket escapes and
 * backslash escapes are removed.
 *
 * Slashes (and backslashes in `windowsPathsNoEscape` mode) cannot be escaped
 * or unescaped.
 *
 * When `magicalBraces` is not set, escapes of braces (`{` and `}`) will not be
 * unescaped.
 */
const unescape = (s, { windowsPathsNoEscape = false, magicalBraces = true, } = {}) => {
    if (magicalBraces) {
        return windowsPathsNoEscape ?
            s.replace(/\[([^/\\])\]/g, '$1')
            : s
                .replace(/((?!\\).|^)\[([^/\\])\]/g, '$1$2')
                .replace(/\\([^/])/g, '$1');
    }
    return windowsPathsNoEscape ?
        s.replace(/\[([^/\\{}])\]/g, '$1')
        : s
            .replace(/((?!\\).|^)\[([^/\\{}])\]/g, '$1$2')
            .replace(/\\([^/{}])/g, '$1');
};

// parse a single path portion
var _a;
const types = new Set(['!', '?', '+', '*', '@']);
const isExtglobType = (c) => types.has(c);
const isExtglobAST = (c) => isExtglobType(c.type);
// Map of which extglob types can adopt the children of a nested extglob
//
// anything but ! can adopt a matching type:
// +(a|+(b|c)|d) => +(a|b|c|d)
// *(a|*(b|c)|d) => *(a|b|c|d)
// @(a|@(b|c)|d) => @(a|b|c|d)
// ?(a|?(b|c)|d) => ?(a|b|c|d)
//
// * can adopt anything, because 0 or repetition is allowed
// *(a|?(b|c)|d) => *(a|b|c|d)
// *(a|+(b|c)|d) => *(a|b|c|d)
// *(a|@(b|c)|d) => *(a|b|c|d)
//
// + can adopt @, because 1 or repetition is allowed
// +(a|@(b|c)|d) => +(a|b|c|d)
//
// + and @ CANNOT adopt *, because 0 would be allowed
// +(a|*(b|c)|d) => would match "", on *(b|c)
// @(a|*(b|c)|d) => would match "", on *(b|c)
//
// + and @ CANNOT adopt ?, because 0 would be allowed
// +(a|?(b|c)|d) => would match "", on ?(b|c)
// @(a|?(b|c)|d) => would match "", on ?(b|c)
//
// ? can adopt @, because 0 or 1 is allowed
// ?(a|@(b|c)|d) => ?(a|b|c|d)
//
// ? and @ CANNOT adopt * or +, because >1 would be allowed
// ?(a|*(b|c)|d) => would match bbb on *(b|c)
// @(a|*(b|c)|d) => would match bbb on *(b|c)
// ?(a|+(b|c)|d) => would match bbb on +(b|c)
// @(a|+(b|c)|d) => would match bbb on +(b|c)
//
// ! CANNOT adopt ! (nothing else can either)
// !(a|!(b|c)|d) => !(a|b|c|d) would fail to match on b (not not b|c)
//
// ! can adopt @
// !(a|@(b|c)|d) => !(a|b|c|d)
//
// ! CANNOT adopt *
// !(a|*(b|c)|d) => !(a|b|c|d) would match on bbb, not allowed
//
// ! CANNOT adopt +
// !(a|+(b|c)|d) => !(a|b|c|d) would match on bbb, not allowed
//
// ! CANNOT adopt ?
// x!(a|?(b|c)|d) => x!(a|b|c|d) would fail to match "x"
const adoptionMap = new Map([
    ['!', ['@']],
    ['?', ['?', '@']],
    ['@', ['@']],
    ['*', ['*', '+', '?', '@']],
    ['+', ['+', '@']],
]);
// nested extglobs that can be adopted in, but with the addition of
// a blank '' element.
const adoptionWithSpaceMap = new Map([
    ['!', ['?']],
    ['@', ['?']],
    ['+', ['?', '*']],
]);
// union of the previous two maps
const adoptionAnyMap = new Map([
    ['!', ['?', '@']],
    ['?', ['?', '@']],
    ['@', ['?', '@']],
    ['*', ['*', '+', '?', '@']],
    ['+', ['+', '@', '?', '*']],
]);
// Extglobs that can take over their parent if they are the only child
// the key is parent, value maps child to resulting extglob parent type
// '@' is omitted because it's a special case. An `@` extglob with a single
// member can always be usurped by that subpattern.
const usurpMap = new Map([
    ['!', new Map([['!', '@']])],
    [
        '?',
        new Map([
            ['*', '*'],
            ['+', '*'],
        ]),
    ],
    [
        '@',
        new Map([
            ['!', '!'],
            ['?', '?'],
            ['@', '@'],
            ['*', '*'],
            ['+', '+'],
        ]),
    ],
    [
        '+',
        new Map([
            ['?', '*'],
            ['*', '*'],
        ]),
    ],
]);
// Patterns that get prepended to bind to the start of either the
// entire string, or just a single path portion, to prevent dots
// and/or traversal patterns, when needed.
// Exts don't need the ^ or / bit, because the root binds that already.
const startNoTraversal = '(?!(?:^|/)\\.\\.?(?:$|/))';
const startNoDot = '(?!\\.)';
// characters that indicate a start of pattern needs the "no dots" bit,
// because a dot *might* be matched. ( is not in the list, because in
// the case of a child extglob, it will handle the prevention itself.
const addPatternStart = new Set(['[', '.']);
// cases where traversal is A-OK, no dot prevention needed
const justDots = new Set(['..', '.']);
const reSpecials = new Set('().*{}+?[]^$\\!');
const regExpEscape$1 = (s) => s.replace(/[-[\]{}()*+?.,\\^$|#\s]/g, '\\$&');
// any single thing other than /
const qmark$1 = '[^/]';
// * => any number of characters
const star$1 = qmark$1 + '*?';
// use + when we need to ensure that *something* matches, because the * is
// the only thing in the path portion.
const starNoEmpty = qmark$1 + '+?';
// remove the \ chars that we added if we end up doing a nonmagic compare
// const deslash = (s: string) => s.replace(/\\(.)/g, '$1')
let ID = 0;
class AST {
    type;
    #root;
    #hasMagic;
    #uflag = false;
    #parts = [];
    #parent;
    #parentIndex;
    #negs;
    #filledNegs = false;
    #options;
    #toString;
    // set to true if it's an extglob with no children
    // (which really means one child of '')
    #emptyExt = false;
    id = ++ID;
    get depth() {
        return (this.#parent?.depth ?? -1) + 1;
    }
    [Symbol.for('nodejs.util.inspect.custom')]() {
        return {
            '@@type': 'AST',
            id: this.id,
            type: this.type,
            root: this.#root.id,
            parent: this.#parent?.id,
            depth: this.depth,
            partsLength: this.#parts.length,
            parts: this.#parts,
        };
    }
    constructor(type, parent, options = {}) {
        this.type = type;
        // extglobs are inherently magical
        if (type)
            this.#hasMagic = true;
        this.#parent = parent;
        this.#root = this.#parent ? this.#parent.#root : this;
        this.#options = this.#root === this ? options : this.#root.#options;
        this.#negs = this.#root === this ? [] : this.#root.#negs;
        if (type === '!' && !this.#root.#filledNegs)
            this.#negs.push(this);
        this.#parentIndex = this.#parent ? this.#parent.#parts.length : 0;
    }
    get hasMagic() {
        /* c8 ignore start */
        if (this.#hasMagic !== undefined)
            return this.#hasMagic;
        /* c8 ignore stop */
        for (const p of this.#parts) {
            if (typeof p === 'string')
                continue;
            if (p.type || p.hasMagic)
                return (this.#hasMagic = true);
        }
        // note: will be undefined until we generate the regexp src and find out
        return this.#hasMagic;
    }
    // reconstructs the pattern
    toString() {
        return (this.#toString !== undefined ? this.#toString
            : !this.type ?
                (this.#toString = this.#parts.map(p => String(p)).join(''))
                : (this.#toString =
                    this.type +
                        '(' +
                        this.#parts.map(p => String(p)).join('|') +
                        ')'));
    }
    #fillNegs() {
        /* c8 ignore start */
        if (this !== this.#root)
            throw new Error('should only call on root');
        if (this.#filledNegs)
            return this;
        /* c8 ignore stop */
        // call toString() once to fill this out
        this.toString();
        this.#filledNegs = true;
        let n;
        while ((n = this.#negs.pop())) {
            if (n.type !== '!')
                continue;
            // walk up the tree, appending everthing that comes AFTER parentIndex
            let p = n;
            let pp = p.#parent;
            while (pp) {
                for (let i = p.#parentIndex + 1; !pp.type && i < pp.#parts.length; i++) {
                    for (const part of n.#parts) {
                        /* c8 ignore start */
                        if (typeof part === 'string') {
                            throw new Error('string part in extglob AST??');
                        }
                        /* c8 ignore stop */
                        part.copyIn(pp.#parts[i]);
                    }
                }
                p = pp;
                pp = p.#parent;
            }
        }
        return this;
    }
    push(...parts) {
        for (const p of parts) {
            if (p === '')
                continue;
            /* c8 ignore start */
            if (typeof p !== 'string' &&
                !(p instanceof _a && p.#parent === this)) {
                throw new Error('invalid part: ' + p);
            }
            /* c8 ignore stop */
            this.#parts.push(p);
        }
    }
    toJSON() {
        const ret = this.type === null ?
            this.#parts
                .slice()
                .map(p => (typeof p === 'string' ? p : p.toJSON()))
            : [this.type, ...this.#parts.map(p => p.toJSON())];
        if (this.isStart() && !this.type)
            ret.unshift([]);
        if (this.isEnd() &&
            (this === this.#root ||
                (this.#root.#filledNegs && this.#parent?.type === '!'))) {
            ret.push({});
        }
        return ret;
    }
    isStart() {
        if (this.#root === this)
            return true;
        // if (this.type) return !!this.#parent?.isStart()
        if (!this.#parent?.isStart())
            return false;
        if (this.#parentIndex === 0)
            return true;
        // if everything AHEAD of this is a negation, then it's still the "start"
        const p = this.#parent;
        for (let i = 0; i < this.#parentIndex; i++) {
            const pp = p.#parts[i];
            if (!(pp instanceof _a && pp.type === '!')) {
                return false;
            }
        }
        return true;
    }
    isEnd() {
        if (this.#root === this)
            return true;
        if (this.#parent?.type === '!')
            return true;
        if (!this.#parent?.isEnd())
            return false;
        if (!this.type)
            return this.#parent?.isEnd();
        // if not root, it'll always have a parent
        /* c8 ignore start */
        const pl = this.#parent ? this.#parent.#parts.length : 0;
        /* c8 ignore stop */
        return this.#parentIndex === pl - 1;
    }
    copyIn(part) {
        if (typeof part === 'string')
            this.push(part);
        else
            this.push(part.clone(this));
    }
    clone(parent) {
        const c = new _a(this.type, parent);
        for (const p of this.#parts) {
            c.copyIn(p);
        }
        return c;
    }
    static #parseAST(str, ast, pos, opt, extDepth) {
        const maxDepth = opt.maxExtglobRecursion ?? 2;
        let escaping = false;
        let inBrace = false;
        let braceStart = -1;
        let braceNeg = false;
        if (ast.type === null) {
            // outside of a extglob, append until we find a start
            let i = pos;
            let acc = '';
            while (i < str.length) {
                const c = str.charAt(i++);
                // still accumulate escapes at this point, but we do ignore
                // starts that are escaped
                if (escaping || c === '\\') {
                    escaping = !escaping;
                    acc += c;
                    continue;
                }
                if (inBrace) {
                    if (i === braceStart + 1) {
                        if (c === '^' || c === '!') {
                            braceNeg = true;
                        }
                    }
                    else if (c === ']' && !(i === braceStart + 2 && braceNeg)) {
                        inBrace = false;
                    }
                    acc += c;
                    continue;
                }
                else if (c === '[') {
                    inBrace = true;
                    braceStart = i;
                    braceNeg = false;
                    acc += c;
                    continue;
                }
                // we don't have to check for adoption here, because that's
                // done at the other recursion point.
                const doRecurse = !opt.noext &&
                    isExtglobType(c) &&
                    str.charAt(i) === '(' &&
                    extDepth <= maxDepth;
                if (doRecurse) {
                    ast.push(acc);
                    acc = '';
                    const ext = new _a(c, ast);
                    i = _a.#parseAST(str, ext, i, opt, extDepth + 1);
                    ast.push(ext);
                    continue;
                }
                acc += c;
            }
            ast.push(acc);
            return i;
        }
        // some kind of extglob, pos is at the (
        // find the next | or )
        let i = pos + 1;
        let part = new _a(null, ast);
        const parts = [];
        let acc = '';
        while (i < str.length) {
            const c = str.charAt(i++);
            // still accumulate escapes at this point, but we do ignore
            // starts that are escaped
            if (escaping || c === '\\') {
                escaping = !escaping;
                acc += c;
                continue;
            }
            if (inBrace) {
                if (i === braceStart + 1) {
                    if (c === '^' || c === '!') {
                        braceNeg = true;
                    }
                }
                else if (c === ']' && !(i === braceStart + 2 && braceNeg)) {
                    inBrace = false;
                }
                acc += c;
                continue;
            }
            else if (c === '[') {
                inBrace = true;
                braceStart = i;
                braceNeg = false;
                acc += c;
                continue;
            }
            const doRecurse = !opt.noext &&
                isExtglobType(c) &&
                str.charAt(i) === '(' &&
                /* c8 ignore start - the maxDepth is sufficient here */
                (extDepth <= maxDepth || (ast && ast.#canAdoptType(c)));
            /* c8 ignore stop */
            if (doRecurse) {
                const depthAdd = ast && ast.#canAdoptType(c) ? 0 : 1;
                part.push(acc);
                acc = '';
                const ext = new _a(c, part);
                part.push(ext);
                i = _a.#parseAST(str, ext, i, opt, extDepth + depthAdd);
                continue;
            }
            if (c === '|') {
                part.push(acc);
                acc = '';
                parts.push(part);
                part = new _a(null, ast);
                continue;
            }
            if (c === ')') {
                if (acc === '' && ast.#parts.length === 0) {
                    ast.#emptyExt = true;
                }
                part.push(acc);
                acc = '';
                ast.push(...parts, part);
                return i;
            }
            acc += c;
        }
        // unfinished extglob
        // if we got here, it was a malformed extglob! not an extglob, but
        // maybe something else in there.
        ast.type = null;
        ast.#hasMagic = undefined;
        ast.#parts = [str.substring(pos - 1)];
        return i;
    }
    #canAdoptWithSpace(child) {
        return this.#canAdopt(child, adoptionWithSpaceMap);
    }
    #canAdopt(child, map = adoptionMap) {
        if (!child ||
            typeof child !== 'object' ||
            child.type !== null ||
            child.#parts.length !== 1 ||
            this.type === null) {
            return false;
        }
        const gc = child.#parts[0];
        if (!gc || typeof gc !== 'object' || gc.type === null) {
            return false;
        }
        return this.#canAdoptType(gc.type, map);
    }
    #canAdoptType(c, map = adoptionAnyMap) {
        return !!map.get(this.type)?.includes(c);
    }
    #adoptWithSpace(child, index) {
        const gc = child.#parts[0];
        const blank = new _a(null, gc, this.options);
        blank.#parts.push('');
        gc.push(blank);
        this.#adopt(child, index);
    }
    #adopt(child, index) {
        const gc = child.#parts[0];
        this.#parts.splice(index, 1, ...gc.#parts);
        for (const p of gc.#parts) {
            if (typeof p === 'object')
                p.#parent = this;
        }
        this.#toString = undefined;
    }
    #canUsurpType(c) {
        const m = usurpMap.get(this.type);
        return !!m?.has(c);
    }
    #canUsurp(child) {
        if (!child ||
            typeof child !== 'object' ||
            child.type !== null ||
            child.#parts.length !== 1 ||
            this.type === null ||
            this.#parts.length !== 1) {
            return false;
        }
        const gc = child.#parts[0];
        if (!gc || typeof gc !== 'object' || gc.type === null) {
            return false;
        }
        return this.#canUsurpType(gc.type);
    }
    #usurp(child) {
        const m = usurpMap.get(this.type);
        const gc = child.#parts[0];
        const nt = m?.get(gc.type);
        /* c8 ignore start - impossible */
        if (!nt)
            return false;
        /* c8 ignore stop */
        this.#parts = gc.#parts;
        for (const p of this.#parts) {
            if (typeof p === 'object') {
                p.#parent = this;
            }
        }
        this.type = nt;
        this.#toString = undefined;
        this.#emptyExt = false;
    }
    static fromGlob(pattern, options = {}) {
        const ast = new _a(null, undefined, options);
        _a.#parseAST(pattern, ast, 0, options, 0);
        return ast;
    }
    // returns the regular expression if there's magic, or the unescaped
    // string if not.
    toMMPattern() {
        // should only be called on root
        /* c8 ignore start */
        if (this !== this.#root)
            return this.#root.toMMPattern();
        /* c8 ignore stop */
        const glob = this.toString();
        const [re, body, hasMagic, uflag] = this.toRegExpSource();
        // if we're in nocase mode, and not nocaseMagicOnly, then we do
        // still need a regular expression if we have to case-insensitively
        // match capital/lowercase characters.
        const anyMagic = hasMagic ||
            this.#hasMagic ||
            (this.#options.nocase &&
                !this.#options.nocaseMagicOnly &&
                glob.toUpperCase() !== glob.toLowerCase());
        if (!anyMagic) {
            return body;
        }
        const flags = (this.#options.nocase ? 'i' : '') + (uflag ? 'u' : '');
        return Object.assign(new RegExp(`^${re}$`, flags), {
            _src: re,
            _glob: glob,
        });
    }
    get options() {
        return this.#options;
    }
    // returns the string match, the regexp source, whether there's magic
    // in the regexp (so a regular expression is required) and whether or
    // not the uflag is needed for the regular expression (for posix classes)
    // TODO: instead of injecting the start/end at this point, just return
    // the BODY of the regexp, along with the start/end portions suitable
    // for binding the start/end in either a joined full-path makeRe context
    // (where we bind to (^|/), or a standalone matchPart context (where
    // we bind to ^, and not /).  Otherwise slashes get duped!
    //
    // In part-matching mode, the start is:
    // - if not isStart: nothing
    // - if traversal possible, but not allowed: ^(?!\.\.?$)
    // - if dots allowed or not possible: ^
    // - if dots possible and not allowed: ^(?!\.)
    // end is:
    // - if not isEnd(): nothing
    // - else: $
    //
    // In full-path matching mode, we put the slash at the START of the
    // pattern, so start is:
    // - if first pattern: same as part-matching mode
    // - if not isStart(): nothing
    // - if traversal possible, but not allowed: /(?!\.\.?(?:$|/))
    // - if dots allowed or not possible: /
    // - if dots possible and not allowed: /(?!\.)
    // end is:
    // - if last pattern, same as part-matching mode
    // - else nothing
    //
    // Always put the (?:$|/) on negated tails, though, because that has to be
    // there to bind the end of the negated pattern portion, and it's easier to
    // just stick it in now rather than try to inject it later in the middle of
    // the pattern.
    //
    // We can just always return the same end, and leave it up to the caller
    // to know whether it's going to be used joined or in parts.
    // And, if the start is adjusted slightly, can do the same there:
    // - if not isStart: nothing
    // - if traversal possible, but not allowed: (?:/|^)(?!\.\.?$)
    // - if dots allowed or not possible: (?:/|^)
    // - if dots possible and not allowed: (?:/|^)(?!\.)
    //
    // But it's better to have a simpler binding without a conditional, for
    // performance, so probably better to return both start options.
    //
    // Then the caller just ignores the end if it's not the first pattern,
    // and the start always gets applied.
    //
    // But that's always going to be $ if it's the ending pattern, or nothing,
    // so the caller can just attach $ at the end of the pattern when building.
    //
    // So the todo is:
    // - better detect what kind of start is needed
    // - return both flavors of starting pattern
    // - attach $ at the end of the pattern when creating the actual RegExp
    //
    // Ah, but wait, no, that all only applies to the root when the first pattern
    // is not an extglob. If the first pattern IS an extglob, then we need all
    // that dot prevention biz to live in the extglob portions, because eg
    // +(*|.x*) can match .xy but not .yx.
    //
    // So, return the two flavors if it's #root and the first child is not an
    // AST, otherwise leave it to the child AST to handle it, and there,
    // use the (?:^|/) style of start binding.
    //
    // Even simplified further:
    // - Since the start for a join is eg /(?!\.) and the start for a part
    // is ^(?!\.), we can just prepend (?!\.) to the pattern (either root
    // or start or whatever) and prepend ^ or / at the Regexp construction.
    toRegExpSource(allowDot) {
        const dot = allowDot ?? !!this.#options.dot;
        if (this.#root === this) {
            this.#flatten();
            this.#fillNegs();
        }
        if (!isExtglobAST(this)) {
            const noEmpty = this.isStart() &&
                this.isEnd() &&
                !this.#parts.some(s => typeof s !== 'string');
            const src = this.#parts
                .map(p => {
                const [re, _, hasMagic, uflag] = typeof p === 'string' ?
                    _a.#parseGlob(p, this.#hasMagic, noEmpty)
                    : p.toRegExpSource(allowDot);
                this.#hasMagic = this.#hasMagic || hasMagic;
                this.#uflag = this.#uflag || uflag;
                return re;
            })
                .join('');
            let start = '';
            if (this.isStart()) {
                if (typeof this.#parts[0] === 'string') {
                    // this is the string that will match the start of the pattern,
                    // so we need to protect against dots and such.
                    // '.' and '..' cannot match unless the pattern is that exactly,
                    // even if it starts with . or dot:true is set.
                    const dotTravAllowed = this.#parts.length === 1 && justDots.has(this.#parts[0]);
                    if (!dotTravAllowed) {
                        const aps = addPatternStart;
                        // check if we have a possibility of matching . or ..,
                        // and prevent that.
                        const needNoTrav = 
                        // dots are allowed, and the pattern starts with [ or .
                        (dot && aps.has(src.charAt(0))) ||
                            // the pattern starts with \., and then [ or .
                            (src.startsWith('\\.') && aps.has(src.charAt(2))) ||
                            // the pattern starts with \.\., and then [ or .
                            (src.startsWith('\\.\\.') && aps.has(src.charAt(4)));
                        // no need to prevent dots if it can't match a dot, or if a
                        // sub-pattern will be preventing it anyway.
                        const needNoDot = !dot && !allowDot && aps.has(src.charAt(0));
                        start =
                            needNoTrav ? startNoTraversal
                                : needNoDot ? startNoDot
                                    : '';
                    }
                }
            }
            // append the "end of path portion" pattern to negation tails
            let end = '';
            if (this.isEnd() &&
                this.#root.#filledNegs &&
                this.#parent?.type === '!') {
                end = '(?:$|\\/)';
            }
            const final = start + src + end;
            return [
                final,
                unescape(src),
                (this.#hasMagic = !!this.#hasMagic),
                this.#uflag,
            ];
        }
        // We need to calculate the body *twice* if it's a repeat pattern
        // at the start, once in nodot mode, then again in dot mode, so a
        // pattern like *(?) can match 'x.y'
        const repeated = this.type === '*' || this.type === '+';
        // some kind of extglob
        const start = this.type === '!' ? '(?:(?!(?:' : '(?:';
        let body = this.#partsToRegExp(dot);
        if (this.isStart() && this.isEnd() && !body && this.type !== '!') {
            // invalid extglob, has to at least be *something* present, if it's
            // the entire path portion.
            const s = this.toString();
            const me = this;
            me.#parts = [s];
            me.type = null;
            me.#hasMagic = undefined;
            return [s, unescape(this.toString()), false, false];
        }
        let bodyDotAllowed = !repeated || allowDot || dot || !startNoDot ?
            ''
            : this.#partsToRegExp(true);
        if (bodyDotAllowed === body) {
            bodyDotAllowed = '';
        }
        if (bodyDotAllowed) {
            body = `(?:${body})(?:${bodyDotAllowed})*?`;
        }
        // an empty !() is exactly equivalent to a starNoEmpty
        let final = '';
        if (this.type === '!' && this.#emptyExt) {
            final = (this.isStart() && !dot ? startNoDot : '') + starNoEmpty;
        }
        else {
            const close = this.type === '!' ?
                // !() must match something,but !(x) can match ''
                '))' +
                    (this.isStart() && !dot && !allowDot ? startNoDot : '') +
                    star$1 +
                    ')'
                : this.type === '@' ? ')'
                    : this.type === '?' ? ')?'
                        : this.type === '+' && bodyDotAllowed ? ')'
                            : this.type === '*' && bodyDotAllowed ? `)?`
                                : `)${this.type}`;
            final = start + body + close;
        }
        return [
            final,
            unescape(body),
            (this.#hasMagic = !!this.#hasMagic),
            this.#uflag,
        ];
    }
    #flatten() {
        if (!isExtglobAST(this)) {
            for (const p of this.#parts) {
                if (typeof p === 'object') {
                    p.#flatten();
                }
            }
        }
        else {
            // do up to 10 passes to flatten as much as possible
            let iterations = 0;
            let done = false;
            do {
                done = true;
                for (let i = 0; i < this.#parts.length; i++) {
                    const c = this.#parts[i];
                    if (typeof c === 'object') {
                        c.#flatten();
                        if (this.#canAdopt(c)) {
                            done = false;
                            this.#adopt(c, i);
                        }
                        else if (this.#canAdoptWithSpace(c)) {
                            done = false;
                            this.#adoptWithSpace(c, i);
                        }
                        else if (this.#canUsurp(c)) {
                            done = false;
                            this.#usurp(c);
                        }
                    }
                }
            } while (!done && ++iterations < 10);
        }
        this.#toString = undefined;
    }
    #partsToRegExp(dot) {
        return this.#parts
            .map(p => {
            // extglob ASTs should only contain parent ASTs
            /* c8 ignore start */
            if (typeof p === 'string') {
                throw new Error('string type in extglob ast??');
            }
            /* c8 ignore stop */
            // can ignore hasMagic, because extglobs are already always magic
            const [re, _, _hasMagic, uflag] = p.toRegExpSource(dot);
            this.#uflag = this.#uflag || uflag;
            return re;
        })
            .filter(p => !(this.isStart() && this.isEnd()) || !!p)
            .join('|');
    }
    static #parseGlob(glob, hasMagic, noEmpty = false) {
        let escaping = false;
        let re = '';
        let uflag = false;
        // multiple stars that aren't globstars coalesce into one *
        let inStar = false;
        for (let i = 0; i < glob.length; i++) {
            const c = glob.charAt(i);
            if (escaping) {
                escaping = false;
                re += (reSpecials.has(c) ? '\\' : '') + c;
                continue;
            }
            if (c === '*') {
                if (inStar)
                    continue;
                inStar = true;
                re += noEmpty && /^[*]+$/.test(glob) ? starNoEmpty : star$1;
                hasMagic = true;
                continue;
            }
            else {
                inStar = false;
            }
            if (c === '\\') {
                if (i === glob.length - 1) {
                    re += '\\\\';
                }
                else {
                    escaping = true;
                }
                continue;
            }
            if (c === '[') {
                const [src, needUflag, consumed, magic] = parseClass(glob, i);
                if (consumed) {
                    re += src;
                    uflag = uflag || needUflag;
                    i += consumed - 1;
                    hasMagic = hasMagic || magic;
                    continue;
                }
            }
            if (c === '?') {
                re += qmark$1;
                hasMagic = true;
                continue;
            }
            re += regExpEscape$1(c);
        }
        return [re, unescape(glob), !!hasMagic, uflag];
    }
}
_a = AST;

/**
 * Escape all magic characters in a glob pattern.
 *
 * If the {@link MinimatchOptions.windowsPathsNoEscape}
 * option is used, then characters are escaped by wrapping in `[]`, because
 * a magic character wrapped in a character class can only be satisfied by
 * that exact character.  In this mode, `\` is _not_ escaped, because it is
 * not interpreted as a magic character, but instead as a path separator.
 *
 * If the {@link MinimatchOptions.magicalBraces} option is used,
 * then braces (`{` and `}`) will be escaped.
 */
const escape = (s, { windowsPathsNoEscape = false, magicalBraces = false, } = {}) => {
    // don't need to escape +@! because we escape the parens
    // that make those magic, and escaping ! as [!] isn't valid,
    // because [!]] is a valid glob class meaning not ']'.
    if (magicalBraces) {
        return windowsPathsNoEscape ?
            s.replace(/[?*()[\]{}]/g, '[$&]')
            : s.replace(/[?*()[\]\\{}]/g, '\\$&');
    }
    return windowsPathsNoEscape ?
        s.replace(/[?*()[\]]/g, '[$&]')
        : s.replace(/[?*()[\]\\]/g, '\\$&');
};

const minimatch = (p, pattern, options = {}) => {
    assertValidPattern(pattern);
    // shortcut: comments match nothing.
    if (!options.nocomment && pattern.charAt(0) === '#') {
        return false;
    }
    return new Minimatch(pattern, options).match(p);
};
// Optimized checking for the most common glob patterns.
const starDotExtRE = /^\*+([^+@!?*[(]*)$/;
const starDotExtTest = (ext) => (f) => !f.startsWith('.') && f.endsWith(ext);
const starDotExtTestDot = (ext) => (f) => f.endsWith(ext);
const starDotExtTestNocase = (ext) => {
    ext = ext.toLowerCase();
    return (f) => !f.startsWith('.') && f.toLowerCase().endsWith(ext);
};
const starDotExtTestNocaseDot = (ext) => {
    ext = ext.toLowerCase();
    return (f) => f.toLowerCase().endsWith(ext);
};
const starDotStarRE = /^\*+\.\*+$/;
const starDotStarTest = (f) => !f.startsWith('.') && f.includes('.');
const starDotStarTestDot = (f) => f !== '.' && f !== '..' && f.includes('.');
const dotStarRE = /^\.\*+$/;
const dotStarTest = (f) => f !== '.' && f !== '..' && f.startsWith('.');
const starRE = /^\*+$/;
const starTest = (f) => f.length !== 0 && !f.startsWith('.');
const starTestDot = (f) => f.length !== 0 && f !== '.' && f !== '..';
const qmarksRE = /^\?+([^+@!?*[(]*)?$/;
const qmarksTestNocase = ([$0, ext = '']) => {
    const noext = qmarksTestNoExt([$0]);
    if (!ext)
        return noext;
    ext = ext.toLowerCase();
    return (f) => noext(f) && f.toLowerCase().endsWith(ext);
};
const qmarksTestNocaseDot = ([$0, ext = '']) => {
    const noext = qmarksTestNoExtDot([$0]);
    if (!ext)
        return noext;
    ext = ext.toLowerCase();
    return (f) => noext(f) && f.toLowerCase().endsWith(ext);
};
const qmarksTestDot = ([$0, ext = '']) => {
    const noext = qmarksTestNoExtDot([$0]);
    return !ext ? noext : (f) => noext(f) && f.endsWith(ext);
};
const qmarksTest = ([$0, ext = '']) => {
    const noext = qmarksTestNoExt([$0]);
    return !ext ? noext : (f) => noext(f) && f.endsWith(ext);
};
const qmarksTestNoExt = ([$0]) => {
    const len = $0.length;
    return (f) => f.length === len && !f.startsWith('.');
};
const qmarksTestNoExtDot = ([$0]) => {
    const len = $0.length;
    return (f) => f.length === len && f !== '.' && f !== '..';
};
/* c8 ignore start */
const defaultPlatform = (typeof process === 'object' && process ?
    (typeof process.env === 'object' &&
        process.env &&
        process.env.__MINIMATCH_TESTING_PLATFORM__) ||
        process.platform
    : 'posix');
const path = {
    win32: { sep: '\\' },
    posix: { sep: '/' },
};
/* c8 ignore stop */
const sep = defaultPlatform === 'win32' ? path.win32.sep : path.posix.sep;
minimatch.sep = sep;
const GLOBSTAR = Symbol('globstar **');
minimatch.GLOBSTAR = GLOBSTAR;
// any single thing other than /
// don't need to escape / when using new RegExp()
const qmark = '[^/]';
// * => any number of characters
const star = qmark + '*?';
// ** when dots are allowed.  Anything goes, except .. and .
// not (^ or / followed by one or two dots followed by $ or /),
// followed by anything, any number of times.
const twoStarDot = '(?:(?!(?:\\/|^)(?:\\.{1,2})($|\\/)).)*?';
// not a ^ or / followed by a dot,
// followed by anything, any number of times.
const twoStarNoDot = '(?:(?!(?:\\/|^)\\.).)*?';
const filter = (pattern, options = {}) => (p) => minimatch(p, pattern, options);
minimatch.filter = filter;
const ext = (a, b = {}) => Object.assign({}, a, b);
const defaults = (def) => {
    if (!def || typeof def !== 'object' || !Object.keys(def).length) {
        return minimatch;
    }
    const orig = minimatch;
    const m = (p, pattern, options = {}) => orig(p, pattern, ext(def, options));
    return Object.assign(m, {
        Minimatch: class Minimatch extends orig.Minimatch {
            constructor(pattern, options = {}) {
                super(pattern, ext(def, options));
            }
            static defaults(options) {
                return orig.defaults(ext(def, options)).Minimatch;
            }
        },
        AST: class AST extends orig.AST {
            /* c8 ignore start */
            constructor(type, parent, options = {}) {
                super(type, parent, ext(def, options));
            }
            /* c8 ignore stop */
            static fromGlob(pattern, options = {}) {
                return orig.AST.fromGlob(pattern, ext(def, options));
            }
        },
        unescape: (s, options = {}) => orig.unescape(s, ext(def, options)),
        escape: (s, options = {}) => orig.escape(s, ext(def, options)),
        filter: (pattern, options = {}) => orig.filter(pattern, ext(def, options)),
        defaults: (options) => orig.defaults(ext(def, options)),
        makeRe: (pattern, options = {}) => orig.makeRe(pattern, ext(def, options)),
        braceExpand: (pattern, options = {}) => orig.braceExpand(pattern, ext(def, options)),
        match: (list, pattern, options = {}) => orig.match(list, pattern, ext(def, options)),
        sep: orig.sep,
        GLOBSTAR: GLOBSTAR,
    });
};
minimatch.defaults = defaults;
// Brace expansion:
// a{b,c}d -> abd acd
// a{b,}c -> abc ac
// a{0..3}d -> a0d a1d a2d a3d
// a{b,c{d,e}f}g -> abg acdfg acefg
// a{b,c}d{e,f}g -> abdeg acdeg abdeg abdfg
//
// Invalid sets are not expanded.
// a{2..}b -> a{2..}b
// a{b}c -> a{b}c
const braceExpand = (pattern, options = {}) => {
    assertValidPattern(pattern);
    // Thanks to Yeting Li <https://github.com/yetingli> for
    // improving this regexp to avoid a ReDOS vulnerability.
    if (options.nobrace || !/\{(?:(?!\{).)*\}/.test(pattern)) {
        // shortcut. no need to expand.
        return [pattern];
    }
    return expand(pattern, { max: options.braceExpandMax });
};
minimatch.braceExpand = braceExpand;
// parse a component of the expanded set.
// At this point, no pattern may contain "/" in it
// so we're going to return a 2d array, where each entry is the full
// pattern, split on '/', and then turned into a regular expression.
// A regexp is made at the end which joins each array with an
// escaped /, and another full one which joins each regexp with |.
//
// Following the lead of Bash 4.1, note that "**" only has special meaning
// when it is the *only* thing in a path portion.  Otherwise, any series
// of * is equivalent to a single *.  Globstar behavior is enabled by
// default, and can be disabled by setting options.noglobstar.
const makeRe = (pattern, options = {}) => new Minimatch(pattern, options).makeRe();
minimatch.makeRe = makeRe;
const match = (list, pattern, options = {}) => {
    const mm = new Minimatch(pattern, options);
    list = list.filter(f => mm.match(f));
    if (mm.options.nonull && !list.length) {
        list.push(pattern);
    }
    return list;
};
minimatch.match = match;
// replace stuff like \* with *
const globMagic = /[?*]|[+@!]\(.*?\)|\[|\]/;
const regExpEscape = (s) => s.replace(/[-[\]{}()*+?.,\\^$|#\s]/g, '\\$&');
class Minimatch {
    options;
    set;
    pattern;
    windowsPathsNoEscape;
    nonegate;
    negate;
    comment;
    empty;
    preserveMultipleSlashes;
    partial;
    globSet;
    globParts;
    nocase;
    isWindows;
    platform;
    windowsNoMagicRoot;
    maxGlobstarRecursion;
    regexp;
    constructor(pattern, options = {}) {
        assertValidPattern(pattern);
        options = options || {};
        this.options = options;
        this.maxGlobstarRecursion = options.maxGlobstarRecursion ?? 200;
        this.pattern = pattern;
        this.platform = options.platform || defaultPlatform;
        this.isWindows = this.platform === 'win32';
        // avoid the annoying deprecation flag lol
        const awe = ('allowWindow' + 'sEscape');
        this.windowsPathsNoEscape =
            !!options.windowsPathsNoEscape || options[awe] === false;
        if (this.windowsPathsNoEscape) {
            this.pattern = this.pattern.replace(/\\/g, '/');
        }
        this.preserveMultipleSlashes = !!options.preserveMultipleSlashes;
        this.regexp = null;
        this.negate = false;
        this.nonegate = !!options.nonegate;
        this.comment = false;
        this.empty = false;
        this.partial = !!options.partial;
        this.nocase = !!this.options.nocase;
        this.windowsNoMagicRoot =
            options.windowsNoMagicRoot !== undefined ?
                options.windowsNoMagicRoot
                : !!(this.isWindows && this.nocase);
        this.globSet = [];
        this.globParts = [];
        this.set = [];
        // make the set of regexps etc.
        this.make();
    }
    hasMagic() {
        if (this.options.magicalBraces && this.set.length > 1) {
            return true;
        }
        for (const pattern of this.set) {
            for (const part of pattern) {
                if (typeof part !== 'string')
                    return true;
            }
        }
        return false;
    }
    debug(..._) { }
    make() {
        const pattern = this.pattern;
        const options = this.options;
        // empty patterns and comments match nothing.
        if (!options.nocomment && pattern.charAt(0) === '#') {
            this.comment = true;
            return;
        }
        if (!pattern) {
            this.empty = true;
            return;
        }
        // step 1: figure out negation, etc.
        this.parseNegate();
        // step 2: expand braces
        this.globSet = [...new Set(this.braceExpand())];
        if (options.debug) {
            //oxlint-disable-next-line no-console
            this.debug = (...args) => console.error(...args);
        }
        this.debug(this.pattern, this.globSet);
        // step 3: now we have a set, so turn each one into a series of
        // path-portion matching patterns.
        // These will be regexps, except in the case of "**", which is
        // set to the GLOBSTAR object for globstar behavior,
        // and will not contain any / characters
        //
        // First, we preprocess to make the glob pattern sets a bit simpler
        // and deduped.  There are some perf-killing patterns that can cause
        // problems with a glob walk, but we can simplify them down a bit.
        const rawGlobParts = this.globSet.map(s => this.slashSplit(s));
        this.globParts = this.preprocess(rawGlobParts);
        this.debug(this.pattern, this.globParts);
        // glob --> regexps
        let set = this.globParts.map((s, _, __) => {
            if (this.isWindows && this.windowsNoMagicRoot) {
                // check if it's a drive or unc path.
                const isUNC = s[0] === '' &&
                    s[1] === '' &&
                    (s[2] === '?' || !globMagic.test(s[2])) &&
                    !globMagic.test(s[3]);
                const isDrive = /^[a-z]:/i.test(s[0]);
                if (isUNC) {
                    return [
                        ...s.slice(0, 4),
                        ...s.slice(4).map(ss => this.parse(ss)),
                    ];
                }
                else if (isDrive) {
                    return [s[0], ...s.slice(1).map(ss => this.parse(ss))];
                }
            }
            return s.map(ss => this.parse(ss));
        });
        this.debug(this.pattern, set);
        // filter out everything that didn't compile properly.
        this.set = set.filter(s => s.indexOf(false) === -1);
        // do not treat the ? in UNC paths as magic
        if (this.isWindows) {
            for (let i = 0; i < this.set.length; i++) {
                const p = this.set[i];
                if (p[0] === '' &&
                    p[1] === '' &&
                    this.globParts[i][2] === '?' &&
                    typeof p[3] === 'string' &&
                    /^[a-z]:$/i.test(p[3])) {
                    p[2] = '?';
                }
            }
        }
        this.debug(this.pattern, this.set);
    }
    // various transforms to equivalent pattern sets that are
    // faster to process in a filesystem walk.  The goal is to
    // eliminate what we can, and push all ** patterns as far
    // to the right as possible, even if it increases the number
    // of patterns that we have to process.
    preprocess(globParts) {
        // if we're not in globstar mode, then turn ** into *
        if (this.options.noglobstar) {
            for (const partset of globParts) {
                for (let j = 0; j < partset.length; j++) {
                    if (partset[j] === '**') {
                        partset[j] = '*';
                    }
                }
            }
        }
        const { optimizationLevel = 1 } = this.options;
        if (optimizationLevel >= 2) {
            // aggressive optimization for the purpose of fs walking
            globParts = this.firstPhasePreProcess(globParts);
            globParts = this.secondPhasePreProcess(globParts);
        }
        else if (optimizationLevel >= 1) {
            // just basic optimizations to remove some .. parts
            globParts = this.levelOneOptimize(globParts);
        }
        else {
            // just collapse multiple ** portions into one
            globParts = this.adjascentGlobstarOptimize(globParts);
        }
        return globParts;
    }
    // just get rid of adjascent ** portions
    adjascentGlobstarOptimize(globParts) {
        return globParts.map(parts => {
            let gs = -1;
            while (-1 !== (gs = parts.indexOf('**', gs + 1))) {
                let i = gs;
                while (parts[i + 1] === '**') {
                    i++;
                }
                if (i !== gs) {
                    parts.splice(gs, i - gs);
                }
            }
            return parts;
        });
    }
    // get rid of adjascent ** and resolve .. portions
    levelOneOptimize(globParts) {
        return globParts.map(parts => {
            parts = parts.reduce((set, part) => {
                const prev = set[set.length - 1];
                if (part === '**' && prev === '**') {
                    return set;
                }
                if (part === '..') {
                    if (prev && prev !== '..' && prev !== '.' && prev !== '**') {
                        set.pop();
                        return set;
                    }
                }
                set.push(part);
                return set;
            }, []);
            return parts.length === 0 ? [''] : parts;
        });
    }
    levelTwoFileOptimize(parts) {
        if (!Array.isArray(parts)) {
            parts = this.slashSplit(parts);
        }
        let didSomething = false;
        do {
            didSomething = false;
            // <pre>/<e>/<rest> -> <pre>/<rest>
            if (!this.preserveMultipleSlashes) {
                for (let i = 1; i < parts.length - 1; i++) {
                    const p = parts[i];
                    // don't squeeze out UNC patterns
                    if (i === 1 && p === '' && parts[0] === '')
                        continue;
                    if (p === '.' || p === '') {
                        didSomething = true;
                        parts.splice(i, 1);
                        i--;
                    }
                }
                if (parts[0] === '.' &&
                    parts.length === 2 &&
                    (parts[1] === '.' || parts[1] === '')) {
                    didSomething = true;
                    parts.pop();
                }
            }
            // <pre>/<p>/../<rest> -> <pre>/<rest>
            let dd = 0;
            while (-1 !== (dd = parts.indexOf('..', dd + 1))) {
                const p = parts[dd - 1];
                if (p &&
                    p !== '.' &&
                    p !== '..' &&
                    p !== '**' &&
                    !(this.isWindows && /^[a-z]:$/i.test(p))) {
                    didSomething = true;
                    parts.splice(dd - 1, 2);
                    dd -= 2;
                }
            }
        } while (didSomething);
        return parts.length === 0 ? [''] : parts;
    }
    // First phase: single-pattern processing
    // <pre> is 1 or more portions
    // <rest> is 1 or more portions
    // <p> is any portion other than ., .., '', or **
    // <e> is . or ''
    //
    // **/.. is *brutal* for filesystem walking performance, because
    // it effectively resets the recursive walk each time it occurs,
    // and ** cannot be reduced out by a .. pattern part like a regexp
    // or most strings (other than .., ., and '') can be.
    //
    // <pre>/**/../<p>/<p>/<rest> -> {<pre>/../<p>/<p>/<rest>,<pre>/**/<p>/<p>/<rest>}
    // <pre>/<e>/<rest> -> <pre>/<rest>
    // <pre>/<p>/../<rest> -> <pre>/<rest>
    // **/**/<rest> -> **/<rest>
    //
    // **/*/<rest> -> */**/<rest> <== not valid because ** doesn't follow
    // this WOULD be allowed if ** did follow symlinks, or * didn't
    firstPhasePreProcess(globParts) {
        let didSomething = false;
        do {
            didSomething = false;
            // <pre>/**/../<p>/<p>/<rest> -> {<pre>/../<p>/<p>/<rest>,<pre>/**/<p>/<p>/<rest>}
            for (let parts of globParts) {
                let gs = -1;
                while (-1 !== (gs = parts.indexOf('**', gs + 1))) {
                    let gss = gs;
                    while (parts[gss + 1] === '**') {
                        // <pre>/**/**/<rest> -> <pre>/**/<rest>
                        gss++;
                    }
                    // eg, if gs is 2 and gss is 4, that means we have 3 **
                    // parts, and can remove 2 of them.
                    if (gss > gs) {
                        parts.splice(gs + 1, gss - gs);
                    }
                    let next = parts[gs + 1];
                    const p = parts[gs + 2];
                    const p2 = parts[gs + 3];
                    if (next !== '..')
                        continue;
                    if (!p ||
                        p === '.' ||
                        p === '..' ||
                        !p2 ||
                        p2 === '.' ||
                        p2 === '..') {
                        continue;
                    }
                    didSomething = true;
                    // edit parts in place, and push the new one
                    parts.splice(gs, 1);
                    const other = parts.slice(0);
                    other[gs] = '**';
                    globParts.push(other);
                    gs--;
                }
                // <pre>/<e>/<rest> -> <pre>/<rest>
                if (!this.preserveMultipleSlashes) {
                    for (let i = 1; i < parts.length - 1; i++) {
                        const p = parts[i];
                        // don't squeeze out UNC patterns
                        if (i === 1 && p === '' && parts[0] === '')
                            continue;
                        if (p === '.' || p === '') {
                            didSomething = true;
                            parts.splice(i, 1);
                            i--;
                        }
                    }
                    if (parts[0] === '.' &&
                        parts.length === 2 &&
                        (parts[1] === '.' || parts[1] === '')) {
                        didSomething = true;
                        parts.pop();
                    }
                }
                // <pre>/<p>/../<rest> -> <pre>/<rest>
                let dd = 0;
                while (-1 !== (dd = parts.indexOf('..', dd + 1))) {
                    const p = parts[dd - 1];
                    if (p && p !== '.' && p !== '..' && p !== '**') {
                        didSomething = true;
                        const needDot = dd === 1 && parts[dd + 1] === '**';
                        const splin = needDot ? ['.'] : [];
                        parts.splice(dd - 1, 2, ...splin);
                        if (parts.length === 0)
                            parts.push('');
                        dd -= 2;
                    }
                }
            }
        } while (didSomething);
        return globParts;
    }
    // second phase: multi-pattern dedupes
    // {<pre>/*/<rest>,<pre>/<p>/<rest>} -> <pre>/*/<rest>
    // {<pre>/<rest>,<pre>/<rest>} -> <pre>/<rest>
    // {<pre>/**/<rest>,<pre>/<rest>} -> <pre>/**/<rest>
    //
    // {<pre>/**/<rest>,<pre>/**/<p>/<rest>} -> <pre>/**/<rest>
    // ^-- not valid because ** doens't follow symlinks
    secondPhasePreProcess(globParts) {
        for (let i = 0; i < globParts.length - 1; i++) {
            for (let j = i + 1; j < globParts.length; j++) {
                const matched = this.partsMatch(globParts[i], globParts[j], !this.preserveMultipleSlashes);
                if (matched) {
                    globParts[i] = [];
                    globParts[j] = matched;
                    break;
                }
            }
        }
        return globParts.filter(gs => gs.length);
    }
    partsMatch(a, b, emptyGSMatch = false) {
        let ai = 0;
        let bi = 0;
        let result = [];
        let which = '';
        while (ai < a.length && bi < b.length) {
            if (a[ai] === b[bi]) {
                result.push(which === 'b' ? b[bi] : a[ai]);
                ai++;
                bi++;
            }
            else if (emptyGSMatch && a[ai] === '**' && b[bi] === a[ai + 1]) {
                result.push(a[ai]);
                ai++;
            }
            else if (emptyGSMatch && b[bi] === '**' && a[ai] === b[bi + 1]) {
                result.push(b[bi]);
                bi++;
            }
            else if (a[ai] === '*' &&
                b[bi] &&
                (this.options.dot || !b[bi].startsWith('.')) &&
                b[bi] !== '**') {
                if (which === 'b')
                    return false;
                which = 'a';
                result.push(a[ai]);
                ai++;
                bi++;
            }
            else if (b[bi] === '*' &&
                a[ai] &&
                (this.options.dot || !a[ai].startsWith('.')) &&
                a[ai] !== '**') {
                if (which === 'a')
                    return false;
                which = 'b';
                result.push(b[bi]);
                ai++;
                bi++;
            }
            else {
                return false;
            }
        }
        // if we fall out of the loop, it means they two are identical
        // as long as their lengths match
        return a.length === b.length && result;
    }
    parseNegate() {
        if (this.nonegate)
            return;
        const pattern = this.pattern;
        let negate = false;
        let negateOffset = 0;
        for (let i = 0; i < pattern.length && pattern.charAt(i) === '!'; i++) {
            negate = !negate;
            negateOffset++;
        }
        if (negateOffset)
            this.pattern = pattern.slice(negateOffset);
        this.negate = negate;
    }
    // set partial to true to test if, for example,
    // "/a/b" matches the start of "/*/b/*/d"
    // Partial means, if you run out of file before you run
    // out of pattern, then that's fine, as long as all
    // the parts match.
    matchOne(file, pattern, partial = false) {
        let fileStartIndex = 0;
        let patternStartIndex = 0;
        // UNC paths like //?/X:/... can match X:/... and vice versa
        // Drive letters in absolute drive or unc paths are always compared
        // case-insensitively.
        if (this.isWindows) {
            const fileDrive = typeof file[0] === 'string' && /^[a-z]:$/i.test(file[0]);
            const fileUNC = !fileDrive &&
                file[0] === '' &&
                file[1] === '' &&
                file[2] === '?' &&
                /^[a-z]:$/i.test(file[3]);
            const patternDrive = typeof pattern[0] === 'string' && /^[a-z]:$/i.test(pattern[0]);
            const patternUNC = !patternDrive &&
                pattern[0] === '' &&
                pattern[1] === '' &&
                pattern[2] === '?' &&
                typeof pattern[3] === 'string' &&
                /^[a-z]:$/i.test(pattern[3]);
            const fdi = fileUNC ? 3
                : fileDrive ? 0
                    : undefined;
            const pdi = patternUNC ? 3
                : patternDrive ? 0
                    : undefined;
            if (typeof fdi === 'number' && typeof pdi === 'number') {
                const [fd, pd] = [
                    file[fdi],
                    pattern[pdi],
                ];
                // start matching at the drive letter index of each
                if (fd.toLowerCase() === pd.toLowerCase()) {
                    pattern[pdi] = fd;
                    patternStartIndex = pdi;
                    fileStartIndex = fdi;
                }
            }
        }
        // resolve and reduce . and .. portions in the file as well.
        // don't need to do the second phase, because it's only one string[]
        const { optimizationLevel = 1 } = this.options;
        if (optimizationLevel >= 2) {
            file = this.levelTwoFileOptimize(file);
        }
        if (pattern.includes(GLOBSTAR)) {
            return this.#matchGlobstar(file, pattern, partial, fileStartIndex, patternStartIndex);
        }
        return this.#matchOne(file, pattern, partial, fileStartIndex, patternStartIndex);
    }
    #matchGlobstar(file, pattern, partial, fileIndex, patternIndex) {
        // split the pattern into head, tail, and middle of ** delimited parts
        const firstgs = pattern.indexOf(GLOBSTAR, patternIndex);
        const lastgs = pattern.lastIndexOf(GLOBSTAR);
        // split the pattern up into globstar-delimited sections
        // the tail has to be at the end, and the others just have
        // to be found in order from the head.
        const [head, body, tail] = partial ?
            [
                pattern.slice(patternIndex, firstgs),
                pattern.slice(firstgs + 1),
                [],
            ]
            : [
                pattern.slice(patternIndex, firstgs),
                pattern.slice(firstgs + 1, lastgs),
                pattern.slice(lastgs + 1),
            ];
        // check the head, from the current file/pattern index.
        if (head.length) {
            const fileHead = file.slice(fileIndex, fileIndex + head.length);
            if (!this.#matchOne(fileHead, head, partial, 0, 0)) {
                return false;
            }
            fileIndex += head.length;
            patternIndex += head.length;
        }
        // now we know the head matches!
        // if the last portion is not empty, it MUST match the end
        // check the tail
        let fileTailMatch = 0;
        if (tail.length) {
            // if head + tail > file, then we cannot possibly match
            if (tail.length + fileIndex > file.length)
                return false;
            // try to match the tail
            let tailStart = file.length - tail.length;
            if (this.#matchOne(file, tail, partial, tailStart, 0)) {
                fileTailMatch = tail.length;
            }
            else {
                // affordance for stuff like a/**/* matching a/b/
                // if the last file portion is '', and there's more to the pattern
                // then try without the '' bit.
                if (file[file.length - 1] !== '' ||
                    fileIndex + tail.length === file.length) {
                    return false;
                }
                tailStart--;
                if (!this.#matchOne(file, tail, partial, tailStart, 0)) {
                    return false;
                }
                fileTailMatch = tail.length + 1;
            }
        }
        // now we know the tail matches!
        // the middle is zero or more portions wrapped in **, possibly
        // containing more ** sections.
        // so a/**/b/**/c/**/d has become **/b/**/c/**
        // if it's empty, it means a/**/b, just verify we have no bad dots
        // if there's no tail, so it ends on /**, then we must have *something*
        // after the head, or it's not a matc
        if (!body.length) {
            let sawSome = !!fileTailMatch;
            for (let i = fileIndex; i < file.length - fileTailMatch; i++) {
                const f = String(file[i]);
                sawSome = true;
                if (f === '.' ||
                    f === '..' ||
                    (!this.options.dot && f.startsWith('.'))) {
                    return false;
                }
            }
            // in partial mode, we just need to get past all file parts
            return partial || sawSome;
        }
        // now we know that there's one or more body sections, which can
        // be matched anywhere from the 0 index (because the head was pruned)
        // through to the length-fileTailMatch index.
        // split the body up into sections, and note the minimum index it can
        // be found at (start with the length of all previous segments)
        // [section, before, after]
        const bodySegments = [[[], 0]];
        let currentBody = bodySegments[0];
        let nonGsParts = 0;
        const nonGsPartsSums = [0];
        for (const b of body) {
            if (b === GLOBSTAR) {
                nonGsPartsSums.push(nonGsParts);
                currentBody = [[], 0];
                bodySegments.push(currentBody);
            }
            else {
                currentBody[0].push(b);
                nonGsParts++;
            }
        }
        let i = bodySegments.length - 1;
        const fileLength = file.length - fileTailMatch;
        for (const b of bodySegments) {
            b[1] = fileLength - (nonGsPartsSums[i--] + b[0].length);
        }
        return !!this.#matchGlobStarBodySections(file, bodySegments, fileIndex, 0, partial, 0, !!fileTailMatch);
    }
    // return false for "nope, not matching"
    // return null for "not matching, cannot keep trying"
    #matchGlobStarBodySections(file, 
    // pattern section, last possible position for it
    bodySegments, fileIndex, bodyIndex, partial, globStarDepth, sawTail) {
        // take the first body segment, and walk from fileIndex to its "after"
        // value at the end
        // If it doesn't match at that position, we increment, until we hit
        // that final possible position, and give up.
        // If it does match, then advance and try to rest.
        // If any of them fail we keep walking forward.
        // this is still a bit recursively painful, but it's more constrained
        // than previous implementations, because we never test something that
        // can't possibly be a valid matching condition.
        const bs = bodySegments[bodyIndex];
        if (!bs) {
            // just make sure that there's no bad dots
            for (let i = fileIndex; i < file.length; i++) {
                sawTail = true;
                const f = file[i];
                if (f === '.' ||
                    f === '..' ||
                    (!this.options.dot && f.startsWith('.'))) {
                    return false;
                }
            }
            return sawTail;
        }
        // have a non-globstar body section to test
        const [body, after] = bs;
        while (fileIndex <= after) {
            const m = this.#matchOne(file.slice(0, fileIndex + body.length), body, partial, fileIndex, 0);
            // if limit exceeded, no match. intentional false negative,
            // acceptable break in correctness for security.
            if (m && globStarDepth < this.maxGlobstarRecursion) {
                // match! see if the rest match. if so, we're done!
                const sub = this.#matchGlobStarBodySections(file, bodySegments, fileIndex + body.length, bodyIndex + 1, partial, globStarDepth + 1, sawTail);
                if (sub !== false) {
                    return sub;
                }
            }
            const f = file[fileIndex];
            if (f === '.' ||
                f === '..' ||
                (!this.options.dot && f.startsWith('.'))) {
                return false;
            }
            fileIndex++;
        }
        // walked off. no point continuing
        return partial || null;
    }
    #matchOne(file, pattern, partial, fileIndex, patternIndex) {
        let fi;
        let pi;
        let pl;
        let fl;
        for (fi = fileIndex,
            pi = patternIndex,
            fl = file.length,
            pl = pattern.length; fi < fl && pi < pl; fi++, pi++) {
            this.debug('matchOne loop');
            let p = pattern[pi];
            let f = file[fi];
            this.debug(pattern, p, f);
            // should be impossible.
            // some invalid regexp stuff in the set.
            /* c8 ignore start */
            if (p === false || p === GLOBSTAR) {
                return false;
            }
            /* c8 ignore stop */
            // something other than **
            // non-magic patterns just have to match exactly
            // patterns with magic have been turned into regexps.
            let hit;
            if (typeof p === 'string') {
                hit = f === p;
                this.debug('string match', p, f, hit);
            }
            else {
                hit = p.test(f);
                this.debug('pattern match', p, f, hit);
            }
            if (!hit)
                return false;
        }
        // Note: ending in / means that we'll get a final ""
        // at the end of the pattern.  This can only match a
        // corresponding "" at the end of the file.
        // If the file ends in /, then it can only match a
        // a pattern that ends in /, unless the pattern just
        // doesn't have any more for it. But, a/b/ should *not*
        // match "a/b/*", even though "" matches against the
        // [^/]*? pattern, except in partial mode, where it might
        // simply not be reached yet.
        // However, a/b/ should still satisfy a/*
        // now either we fell off the end of the pattern, or we're done.
        if (fi === fl && pi === pl) {
            // ran out of pattern and filename at the same time.
            // an exact hit!
            return true;
        }
        else if (fi === fl) {
            // ran out of file, but still had pattern left.
            // this is ok if we're doing the match as part of
            // a glob fs traversal.
            return partial;
        }
        else if (pi === pl) {
            // ran out of pattern, still have file left.
            // this is only acceptable if we're on the very last
            // empty segment of a file with a trailing slash.
            // a/* should match a/b/
            return fi === fl - 1 && file[fi] === '';
            /* c8 ignore start */
        }
        else {
            // should be unreachable.
            throw new Error('wtf?');
        }
        /* c8 ignore stop */
    }
    braceExpand() {
        return braceExpand(this.pattern, this.options);
    }
    parse(pattern) {
        assertValidPattern(pattern);
        const options = this.options;
        // shortcuts
        if (pattern === '**')
            return GLOBSTAR;
        if (pattern === '')
            return '';
        // far and away, the most common glob pattern parts are
        // *, *.*, and *.<ext>  Add a fast check method for those.
        let m;
        let fastTest = null;
        if ((m = pattern.match(starRE))) {
            fastTest = options.dot ? starTestDot : starTest;
        }
        else if ((m = pattern.match(starDotExtRE))) {
            fastTest = (options.nocase ?
                options.dot ?
                    starDotExtTestNocaseDot
                    : starDotExtTestNocase
                : options.dot ? starDotExtTestDot
                    : starDotExtTest)(m[1]);
        }
        else if ((m = pattern.match(qmarksRE))) {
            fastTest = (options.nocase ?
                options.dot ?
                    qmarksTestNocaseDot
                    : qmarksTestNocase
                : options.dot ? qmarksTestDot
                    : qmarksTest)(m);
        }
        else if ((m = pattern.match(starDotStarRE))) {
            fastTest = options.dot ? starDotStarTestDot : starDotStarTest;
        }
        else if ((m = pattern.match(dotStarRE))) {
            fastTest = dotStarTest;
        }
        const re = AST.fromGlob(pattern, this.options).toMMPattern();
        if (fastTest && typeof re === 'object') {
            // Avoids overriding in frozen environments
            Reflect.defineProperty(re, 'test', { value: fastTest });
        }
        return re;
    }
    makeRe() {
        if (this.regexp || this.regexp === false)
            return this.regexp;
        // at this point, this.set is a 2d array of partial
        // pattern strings, or "**".
        //
        // It's better to use .match().  This function shouldn't
        // be used, really, but it's pretty convenient sometimes,
        // when you just want to work with a regex.
        const set = this.set;
        if (!set.length) {
            this.regexp = false;
            return this.regexp;
        }
        const options = this.options;
        const twoStar = options.noglobstar ? star
            : options.dot ? twoStarDot
                : twoStarNoDot;
        const flags = new Set(options.nocase ? ['i'] : []);
        // regexpify non-globstar patterns
        // if ** is only item, then we just do one twoStar
        // if ** is first, and there are more, prepend (\/|twoStar\/)? to next
        // if ** is last, append (\/twoStar|) to previous
        // if ** is in the middle, append (\/|\/twoStar\/) to previous
        // then filter out GLOBSTAR symbols
        let re = set
            .map(pattern => {
            const pp = pattern.map(p => {
                if (p instanceof RegExp) {
                    for (const f of p.flags.split(''))
                        flags.add(f);
                }
                return (typeof p === 'string' ? regExpEscape(p)
                    : p === GLOBSTAR ? GLOBSTAR
                        : p._src);
            });
            pp.forEach((p, i) => {
                const next = pp[i + 1];
                const prev = pp[i - 1];
                if (p !== GLOBSTAR || prev === GLOBSTAR) {
                    return;
                }
                if (prev === undefined) {
                    if (next !== undefined && next !== GLOBSTAR) {
                        pp[i + 1] = '(?:\\/|' + twoStar + '\\/)?' + next;
                    }
                    else {
                        pp[i] = twoStar;
                    }
                }
                else if (next === undefined) {
                    pp[i - 1] = prev + '(?:\\/|\\/' + twoStar + ')?';
                }
                else if (next !== GLOBSTAR) {
                    pp[i - 1] = prev + '(?:\\/|\\/' + twoStar + '\\/)' + next;
                    pp[i + 1] = GLOBSTAR;
                }
            });
            const filtered = pp.filter(p => p !== GLOBSTAR);
            // For partial matches, we need to make the pattern match
            // any prefix of the full path. We do this by generating
            // alternative patterns that match progressively longer prefixes.
            if (this.partial && filtered.length >= 1) {
                const prefixes = [];
                for (let i = 1; i <= filtered.length; i++) {
                    prefixes.push(filtered.slice(0, i).join('/'));
                }
                return '(?:' + prefixes.join('|') + ')';
            }
            return filtered.join('/');
        })
            .join('|');
        // need to wrap in parens if we had more than one thing with |,
        // otherwise only the first will be anchored to ^ and the last to $
        const [open, close] = set.length > 1 ? ['(?:', ')'] : ['', ''];
        // must match entire pattern
        // ending in a * or ** will make it less strict.
        re = '^' + open + re + close + '$';
        // In partial mode, '/' should always match as it's a valid prefix for any pattern
        if (this.partial) {
            re = '^(?:\\/|' + open + re.slice(1, -1) + close + ')$';
        }
        // can match anything, as long as it's not this.
        if (this.negate)
            re = '^(?!' + re + ').+$';
        try {
            this.regexp = new RegExp(re, [...flags].join(''));
            /* c8 ignore start */
        }
        catch {
            // should be impossible
            this.regexp = false;
        }
        /* c8 ignore stop */
        return this.regexp;
    }
    slashSplit(p) {
        // if p starts with // on windows, we preserve that
        // so that UNC paths aren't broken.  Otherwise, any number of
        // / characters are coalesced into one, unless
        // preserveMultipleSlashes is set to true.
        if (this.preserveMultipleSlashes) {
            return p.split('/');
        }
        else if (this.isWindows && /^\/\/[^/]+/.test(p)) {
            // add an extra '' for the one we lose
            return ['', ...p.split(/\/+/)];
        }
        else {
            return p.split(/\/+/);
        }
    }
    match(f, partial = this.partial) {
        this.debug('match', f, this.pattern);
        // short-circuit in the case of busted things.
        // comments, etc.
        if (this.comment) {
            return false;
        }
        if (this.empty) {
            return f === '';
        }
        if (f === '/' && partial) {
            return true;
        }
        const options = this.options;
        // windows: need to use /, not \
        if (this.isWindows) {
            f = f.split('\\').join('/');
        }
        // treat the test path as a set of pathparts.
        const ff = this.slashSplit(f);
        this.debug(this.pattern, 'split', ff);
        // just ONE of the pattern sets in this.set needs to match
        // in order for it to be valid.  If negating, then just one
        // match means that we have failed.
        // Either way, return on the first hit.
        const set = this.set;
        this.debug(this.pattern, 'set', set);
        // Find the basename of the path by looking for the last non-empty segment
        let filename = ff[ff.length - 1];
        if (!filename) {
            for (let i = ff.length - 2; !filename && i >= 0; i--) {
                filename = ff[i];
            }
        }
        for (const pattern of set) {
            let file = ff;
            if (options.matchBase && pattern.length === 1) {
                file = [filename];
            }
            const hit = this.matchOne(file, pattern, partial);
            if (hit) {
                if (options.flipNegate) {
                    return true;
                }
                return !this.negate;
            }
        }
        // didn't get any hits.  this is success if it's a negative
        // pattern, failure otherwise.
        if (options.flipNegate) {
            return false;
        }
        return this.negate;
    }
    static defaults(def) {
        return minimatch.defaults(def).Minimatch;
    }
}
/* c8 ignore stop */
minimatch.AST = AST;
minimatch.Minimatch = Minimatch;
minimatch.escape = escape;
minimatch.unescape = unescape;

const IS_WINDOWS$2 = process.platform === 'win32';
/**
 * Helper class for parsing paths into segments
 */
class Path {
    /**
     * Constructs a Path
     * @param itemPath Path or array of segments
     */
    constructor(itemPath) {
        this.segments = [];
        // String
        if (typeof itemPath === 'string') {
            assert(itemPath, `Parameter 'itemPath' must not be empty`);
            // Normalize slashes and trim unnecessary trailing slash
            itemPath = safeTrimTrailingSeparator(itemPath);
            // Not rooted
            if (!hasRoot(itemPath)) {
                this.segments = itemPath.split(path$1.sep);
            }
            // Rooted
            else {
                // Add all segments, while not at the root
                let remaining = itemPath;
                let dir = dirname(remaining);
                while (dir !== remaining) {
                    // Add the segment
                    const basename = path$1.basename(remaining);
                    this.segments.unshift(basename);
                    // Truncate the last segment
                    remaining = dir;
                    dir = dirname(remaining);
                }
                // Remainder is the root
                this.segments.unshift(remaining);
            }
        }
        // Array
        else {
            // Must not be empty
            assert(itemPath.length > 0, `Parameter 'itemPath' must not be an empty array`);
            // Each segment
            for (let i = 0; i < itemPath.length; i++) {
                let segment = itemPath[i];
                // Must not be empty
                assert(segment, `Parameter 'itemPath' must not contain any empty segments`);
                // Normalize slashes
                segment = normalizeSeparators(itemPath[i]);
                // Root segment
                if (i === 0 && hasRoot(segment)) {
                    segment = safeTrimTrailingSeparator(segment);
                    assert(segment === dirname(segment), `Parameter 'itemPath' root segment contains information for multiple segments`);
                    this.segments.push(segment);
                }
                // All other segments
                else {
                    // Must not contain slash
                    assert(!segment.includes(path$1.sep), `Parameter 'itemPath' contains unexpected path separators`);
                    this.segments.push(segment);
                }
            }
        }
    }
    /**
     * Converts the path to it's string representation
     */
    toString() {
        // First segment
        let result = this.segments[0];
        // All others
        let skipSlash = result.endsWith(path$1.sep) || (IS_WINDOWS$2 && /^[A-Z]:$/i.test(result));
        for (let i = 1; i < this.segments.length; i++) {
            if (skipSlash) {
                skipSlash = false;
            }
            else {
                result += path$1.sep;
            }
            result += this.segments[i];
        }
        return result;
    }
}

const IS_WINDOWS$1 = process.platform === 'win32';
class Pattern {
    constructor(patternOrNegate, isImplicitPattern = false, segments, homedir) {
        /**
         * Indicates whether matches should be excluded from the result set
         */
        this.negate = false;
        // Pattern overload
        let pattern;
        if (typeof patternOrNegate === 'string') {
            pattern = patternOrNegate.trim();
        }
        // Segments overload
        else {
            // Convert to pattern
            segments = segments || [];
            assert(segments.length, `Parameter 'segments' must not empty`);
            const root = Pattern.getLiteral(segments[0]);
            assert(root && hasAbsoluteRoot(root), `Parameter 'segments' first element must be a root path`);
            pattern = new Path(segments).toString().trim();
            if (patternOrNegate) {
                pattern = `!${pattern}`;
            }
        }
        // Negate
        while (pattern.startsWith('!')) {
            this.negate = !this.negate;
            pattern = pattern.substr(1).trim();
        }
        // Normalize slashes and ensures absolute root
        pattern = Pattern.fixupPattern(pattern, homedir);
        // Segments
        this.segments = new Path(pattern).segments;
        // Trailing slash indicates the pattern should only match directories, not regular files
        this.trailingSeparator = normalizeSeparators(pattern)
            .endsWith(path$1.sep);
        pattern = safeTrimTrailingSeparator(pattern);
        // Search path (literal path prior to the first glob segment)
        let foundGlob = false;
        const searchSegments = this.segments
            .map(x => Pattern.getLiteral(x))
            .filter(x => !foundGlob && !(foundGlob = x === ''));
        this.searchPath = new Path(searchSegments).toString();
        // Root RegExp (required when determining partial match)
        this.rootRegExp = new RegExp(Pattern.regExpEscape(searchSegments[0]), IS_WINDOWS$1 ? 'i' : '');
        this.isImplicitPattern = isImplicitPattern;
        // Create minimatch
        const minimatchOptions = {
            dot: true,
            nobrace: true,
            nocase: IS_WINDOWS$1,
            nocomment: true,
            noext: true,
            nonegate: true
        };
        pattern = IS_WINDOWS$1 ? pattern.replace(/\\/g, '/') : pattern;
        this.minimatch = new Minimatch(pattern, minimatchOptions);
    }
    /**
     * Matches the pattern against the specified path
     */
    match(itemPath) {
        // Last segment is globstar?
        if (this.segments[this.segments.length - 1] === '**') {
            // Normalize slashes
            itemPath = normalizeSeparators(itemPath);
            // Append a trailing slash. Otherwise Minimatch will not match the directory immediately
            // preceding the globstar. For example, given the pattern `/foo/**`, Minimatch returns
            // false for `/foo` but returns true for `/foo/`. Append a trailing slash to handle that quirk.
            if (!itemPath.endsWith(path$1.sep) && this.isImplicitPattern === false) {
                // Note, this is safe because the constructor ensures the pattern has an absolute root.
                // For example, formats like C: and C:foo on Windows are resolved to an absolute root.
                itemPath = `${itemPath}${path$1.sep}`;
            }
        }
        else {
            // Normalize slashes and trim unnecessary trailing slash
            itemPath = safeTrimTrailingSeparator(itemPath);
        }
        // Match
        if (this.minimatch.match(itemPath)) {
            return this.trailingSeparator ? MatchKind.Directory : MatchKind.All;
        }
        return MatchKind.None;
    }
    /**
     * Indicates whether the pattern may match descendants of the specified path
     */
    partialMatch(itemPath) {
        // Normalize slashes and trim unnecessary trailing slash
        itemPath = safeTrimTrailingSeparator(itemPath);
        // matchOne does not handle root path correctly
        if (dirname(itemPath) === itemPath) {
            return this.rootRegExp.test(itemPath);
        }
        return this.minimatch.matchOne(itemPath.split(IS_WINDOWS$1 ? /\\+/ : /\/+/), this.minimatch.set[0], true);
    }
    /**
     * Escapes glob patterns within a path
     */
    static globEscape(s) {
        return (IS_WINDOWS$1 ? s : s.replace(/\\/g, '\\\\')) // escape '\' on Linux/macOS
            .replace(/(\[)(?=[^/]+\])/g, '[[]') // escape '[' when ']' follows within the path segment
            .replace(/\?/g, '[?]') // escape '?'
            .replace(/\*/g, '[*]'); // escape '*'
    }
    /**
     * Normalizes slashes and ensures absolute root
     */
    static fixupPattern(pattern, homedir) {
        // Empty
        assert(pattern, 'pattern cannot be empty');
        // Must not contain `.` segment, unless first segment
        // Must not contain `..` segment
        const literalSegments = new Path(pattern).segments.map(x => Pattern.getLiteral(x));
        assert(literalSegments.every((x, i) => (x !== '.' || i === 0) && x !== '..'), `Invalid pattern '${pattern}'. Relative pathing '.' and '..' is not allowed.`);
        // Must not contain globs in root, e.g. Windows UNC path \\foo\b*r
        assert(!hasRoot(pattern) || literalSegments[0], `Invalid pattern '${pattern}'. Root segment must not contain globs.`);
        // Normalize slashes
        pattern = normalizeSeparators(pattern);
        // Replace leading `.` segment
        if (pattern === '.' || pattern.startsWith(`.${path$1.sep}`)) {
            pattern = Pattern.globEscape(process.cwd()) + pattern.substr(1);
        }
        // Replace leading `~` segment
        else if (pattern === '~' || pattern.startsWith(`~${path$1.sep}`)) {
            homedir = homedir || os.homedir();
            assert(homedir, 'Unable to determine HOME directory');
            assert(hasAbsoluteRoot(homedir), `Expected HOME directory to be a rooted path. Actual '${homedir}'`);
            pattern = Pattern.globEscape(homedir) + pattern.substr(1);
        }
        // Replace relative drive root, e.g. pattern is C: or C:foo
        else if (IS_WINDOWS$1 &&
            (pattern.match(/^[A-Z]:$/i) || pattern.match(/^[A-Z]:[^\\]/i))) {
            let root = ensureAbsoluteRoot('C:\\dummy-root', pattern.substr(0, 2));
            if (pattern.length > 2 && !root.endsWith('\\')) {
                root += '\\';
            }
            pattern = Pattern.globEscape(root) + pattern.substr(2);
        }
        // Replace relative root, e.g. pattern is \ or \foo
        else if (IS_WINDOWS$1 && (pattern === '\\' || pattern.match(/^\\[^\\]/))) {
            let root = ensureAbsoluteRoot('C:\\dummy-root', '\\');
            if (!root.endsWith('\\')) {
                root += '\\';
            }
            pattern = Pattern.globEscape(root) + pattern.substr(1);
        }
        // Otherwise ensure absolute root
        else {
            pattern = ensureAbsoluteRoot(Pattern.globEscape(process.cwd()), pattern);
        }
        return normalizeSeparators(pattern);
    }
    /**
     * Attempts to unescape a pattern segment to create a literal path segment.
     * Otherwise returns empty string.
     */
    static getLiteral(segment) {
        let literal = '';
        for (let i = 0; i < segment.length; i++) {
            const c = segment[i];
            // Escape
            if (c === '\\' && !IS_WINDOWS$1 && i + 1 < segment.length) {
                literal += segment[++i];
                continue;
            }
            // Wildcard
            else if (c === '*' || c === '?') {
                return '';
            }
            // Character set
            else if (c === '[' && i + 1 < segment.length) {
                let set = '';
                let closed = -1;
                for (let i2 = i + 1; i2 < segment.length; i2++) {
                    const c2 = segment[i2];
                    // Escape
                    if (c2 === '\\' && !IS_WINDOWS$1 && i2 + 1 < segment.length) {
                        set += segment[++i2];
                        continue;
                    }
                    // Closed
                    else if (c2 === ']') {
                        closed = i2;
                        break;
                    }
                    // Otherwise
                    else {
                        set += c2;
                    }
                }
                // Closed?
                if (closed >= 0) {
                    // Cannot convert
                    if (set.length > 1) {
                        return '';
                    }
                    // Convert to literal
                    if (set) {
                        literal += set;
                        i = closed;
                        continue;
                    }
                }
                // Otherwise fall thru
            }
            // Append
            literal += c;
        }
        return literal;
    }
    /**
     * Escapes regexp special characters
     * https://javascript.info/regexp-escaping
     */
    static regExpEscape(s) {
        return s.replace(/[[\\^$.|?*+()]/g, '\\$&');
    }
}

class SearchState {
    constructor(path, level) {
        this.path = path;
        this.level = level;
    }
}

var __awaiter$1 = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};
var __asyncValues = (undefined && undefined.__asyncValues) || function (o) {
    if (!Symbol.asyncIterator) throw new TypeError("Symbol.asyncIterator is not defined.");
    var m = o[Symbol.asyncIterator], i;
    return m ? m.call(o) : (o = typeof __values === "function" ? __values(o) : o[Symbol.iterator](), i = {}, verb("next"), verb("throw"), verb("return"), i[Symbol.asyncIterator] = function () { return this; }, i);
    function verb(n) { i[n] = o[n] && function (v) { return new Promise(function (resolve, reject) { v = o[n](v), settle(resolve, reject, v.done, v.value); }); }; }
    function settle(resolve, reject, d, v) { Promise.resolve(v).then(function(v) { resolve({ value: v, done: d }); }, reject); }
};
var __await = (undefined && undefined.__await) || function (v) { return this instanceof __await ? (this.v = v, this) : new __await(v); };
var __asyncGenerator = (undefined && undefined.__asyncGenerator) || function (thisArg, _arguments, generator) {
    if (!Symbol.asyncIterator) throw new TypeError("Symbol.asyncIterator is not defined.");
    var g = generator.apply(thisArg, _arguments || []), i, q = [];
    return i = Object.create((typeof AsyncIterator === "function" ? AsyncIterator : Object).prototype), verb("next"), verb("throw"), verb("return", awaitReturn), i[Symbol.asyncIterator] = function () { return this; }, i;
    function awaitReturn(f) { return function (v) { return Promise.resolve(v).then(f, reject); }; }
    function verb(n, f) { if (g[n]) { i[n] = function (v) { return new Promise(function (a, b) { q.push([n, v, a, b]) > 1 || resume(n, v); }); }; if (f) i[n] = f(i[n]); } }
    function resume(n, v) { try { step(g[n](v)); } catch (e) { settle(q[0][3], e); } }
    function step(r) { r.value instanceof __await ? Promise.resolve(r.value.v).then(fulfill, reject) : settle(q[0][2], r); }
    function fulfill(value) { resume("next", value); }
    function reject(value) { resume("throw", value); }
    function settle(f, v) { if (f(v), q.shift(), q.length) resume(q[0][0], q[0][1]); }
};
const IS_WINDOWS = process.platform === 'win32';
class DefaultGlobber {
    constructor(options) {
        this.patterns = [];
        this.searchPaths = [];
        this.options = getOptions(options);
    }
    getSearchPaths() {
        // Return a copy
        return this.searchPaths.slice();
    }
    glob() {
        return __awaiter$1(this, void 0, void 0, function* () {
            var _a, e_1, _b, _c;
            const result = [];
            try {
                for (var _d = true, _e = __asyncValues(this.globGenerator()), _f; _f = yield _e.next(), _a = _f.done, !_a; _d = true) {
                    _c = _f.value;
                    _d = false;
                    const itemPath = _c;
                    result.push(itemPath);
                }
            }
            catch (e_1_1) { e_1 = { error: e_1_1 }; }
            finally {
                try {
                    if (!_d && !_a && (_b = _e.return)) yield _b.call(_e);
                }
                finally { if (e_1) throw e_1.error; }
            }
            return result;
        });
    }
    globGenerator() {
        return __asyncGenerator(this, arguments, function* globGenerator_1() {
            // Fill in defaults options
            const options = getOptions(this.options);
            // Implicit descendants?
            const patterns = [];
            for (const pattern of this.patterns) {
                patterns.push(pattern);
                if (options.implicitDescendants &&
                    (pattern.trailingSeparator ||
                        pattern.segments[pattern.segments.length - 1] !== '**')) {
                    patterns.push(new Pattern(pattern.negate, true, pattern.segments.concat('**')));
                }
            }
            // Push the search paths
            const stack = [];
            for (const searchPath of getSearchPaths(patterns)) {
                debug(`Search path '${searchPath}'`);
                // Exists?
                try {
                    // Intentionally using lstat. Detection for broken symlink
                    // will be performed later (if following symlinks).
                    yield __await(fs.promises.lstat(searchPath));
                }
                catch (err) {
                    if (err.code === 'ENOENT') {
                        continue;
                    }
                    throw err;
                }
                stack.unshift(new SearchState(searchPath, 1));
            }
            // Search
            const traversalChain = []; // used to detect cycles
            while (stack.length) {
                // Pop
                const item = stack.pop();
                // Match?
                const match = match$1(patterns, item.path);
                const partialMatch$1 = !!match || partialMatch(patterns, item.path);
                if (!match && !partialMatch$1) {
                    continue;
                }
                // Stat
                const stats = yield __await(DefaultGlobber.stat(item, options, traversalChain)
                // Broken symlink, or symlink cycle detected, or no longer exists
                );
                // Broken symlink, or symlink cycle detected, or no longer exists
                if (!stats) {
                    continue;
                }
                // Hidden file or directory?
                if (options.excludeHiddenFiles && path$1.basename(item.path).match(/^\./)) {
                    continue;
                }
                // Directory
                if (stats.isDirectory()) {
                    // Matched
                    if (match & MatchKind.Directory && options.matchDirectories) {
                        yield yield __await(item.path);
                    }
                    // Descend?
                    else if (!partialMatch$1) {
                        continue;
                    }
                    // Push the child items in reverse
                    const childLevel = item.level + 1;
                    const childItems = (yield __await(fs.promises.readdir(item.path))).map(x => new SearchState(path$1.join(item.path, x), childLevel));
                    stack.push(...childItems.reverse());
                }
                // File
                else if (match & MatchKind.File) {
                    yield yield __await(item.path);
                }
            }
        });
    }
    /**
     * Constructs a DefaultGlobber
     */
    static create(patterns, options) {
        return __awaiter$1(this, void 0, void 0, function* () {
            const result = new DefaultGlobber(options);
            if (IS_WINDOWS) {
                patterns = patterns.replace(/\r\n/g, '\n');
                patterns = patterns.replace(/\r/g, '\n');
            }
            const lines = patterns.split('\n').map(x => x.trim());
            for (const line of lines) {
                // Empty or comment
                if (!line || line.startsWith('#')) {
                    continue;
                }
                // Pattern
                else {
                    result.patterns.push(new Pattern(line));
                }
            }
            result.searchPaths.push(...getSearchPaths(result.patterns));
            return result;
        });
    }
    static stat(item, options, traversalChain) {
        return __awaiter$1(this, void 0, void 0, function* () {
            // Note:
            // `stat` returns info about the target of a symlink (or symlink chain)
            // `lstat` returns info about a symlink itself
            let stats;
            if (options.followSymbolicLinks) {
                try {
                    // Use `stat` (following symlinks)
                    stats = yield fs.promises.stat(item.path);
                }
                catch (err) {
                    if (err.code === 'ENOENT') {
                        if (options.omitBrokenSymbolicLinks) {
                            debug(`Broken symlink '${item.path}'`);
                            return undefined;
                        }
                        throw new Error(`No information found for the path '${item.path}'. This may indicate a broken symbolic link.`);
                    }
                    throw err;
                }
            }
            else {
                // Use `lstat` (not following symlinks)
                stats = yield fs.promises.lstat(item.path);
            }
            // Note, isDirectory() returns false for the lstat of a symlink
            if (stats.isDirectory() && options.followSymbolicLinks) {
                // Get the realpath
                const realPath = yield fs.promises.realpath(item.path);
                // Fixup the traversal chain to match the item level
                while (traversalChain.length >= item.level) {
                    traversalChain.pop();
                }
                // Test for a cycle
                if (traversalChain.some((x) => x === realPath)) {
                    debug(`Symlink cycle detected for path '${item.path}' and realpath '${realPath}'`);
                    return undefined;
                }
                // Update the traversal chain
                traversalChain.push(realPath);
            }
            return stats;
        });
    }
}

(undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};
(undefined && undefined.__asyncValues) || function (o) {
    if (!Symbol.asyncIterator) throw new TypeError("Symbol.asyncIterator is not defined.");
    var m = o[Symbol.asyncIterator], i;
    return m ? m.call(o) : (o = typeof __values === "function" ? __values(o) : o[Symbol.iterator](), i = {}, verb("next"), verb("throw"), verb("return"), i[Symbol.asyncIterator] = function () { return this; }, i);
    function verb(n) { i[n] = o[n] && function (v) { return new Promise(function (resolve, reject) { v = o[n](v), settle(resolve, reject, v.done, v.value); }); }; }
    function settle(resolve, reject, d, v) { Promise.resolve(v).then(function(v) { resolve({ value: v, done: d }); }, reject); }
};

var __awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};
/**
 * Constructs a globber
 *
 * @param patterns  Patterns separated by newlines
 * @param options   Glob options
 */
function create(patterns, options) {
    return __awaiter(this, void 0, void 0, function* () {
        return yield DefaultGlobber.create(patterns, options);
    });
}

/**
 * The matrix merge's source: the legs' report.json files, each with the iou_results.csv beside
 * it, read back into one `RunResult` and one CSV, so that the same results → report → sinks path
 * writes one leaderboard. Projects keep the legs' order, and each leg's projects their order, so
 * the merge of legs equals one run over the same projects given in that order.
 *
 * Project entries are carried as written (whatever other features add to them); the gate is
 * applied again over all of them, with the settings the legs share. Legs run with different
 * settings cannot be merged: the error names the legs and the setting.
 */
const legSchema = object({
    tool: object({ name: string(), version: string() }),
    source: _enum(['encord-api', 'export-files']),
    settings: record(string(), unknown()),
    benchmark: object({ projectHash: string(), title: string(), rows: number() }),
    projects: array(union([
        object({
            status: literal('evaluated'),
            evaluation: object({ projectHash: string() }).passthrough()
        })
            .passthrough(),
        object({ status: literal('failed'), failure: object({}).passthrough() }).passthrough()
    ]))
})
    .passthrough();
/** The settings whose difference makes legs unmergeable, in the words of their inputs. */
const SETTING_INPUTS = {
    method: 'method',
    iouThreshold: 'iou-threshold',
    workflowStage: 'workflow-stage',
    thresholds: 'the min-… thresholds',
    gateOn: 'gate-on',
    onInconclusive: 'on-inconclusive',
    minDataUnits: 'min-data-units',
    bootstrapSamples: 'bootstrap-samples',
    confidenceLevel: 'confidence-level'
};
/** Report files matched by newline-separated globs (`!` excludes), sorted by path, each once. */
async function findLegReports(patterns) {
    const globber = await create(patterns, { implicitDescendants: false, matchDirectories: false });
    return [...new Set(await globber.glob())].sort();
}
/**
 * Reads and merges the legs. Fewer legs than `expectedLegs` is an error; without it the caller
 * says how many were found.
 */
async function mergeLegReports(files, expectedLegs, inputName = 'merge-reports') {
    if (files.length === 0) {
        throw new InputError(`${inputName} matched no report.json; download the legs' artifacts first (actions/download-artifact with pattern:) and point it at them, e.g. legs/*/report.json`, 'merge-reports');
    }
    if (expectedLegs !== null && files.length < expectedLegs) {
        throw new InputError(`Expected ${expectedLegs} legs but found ${files.length} report.json (${files.join(', ')}); a leg failed before writing its report or its artifact was not downloaded`, 'expected-legs');
    }
    const legs = [];
    for (const file of files)
        legs.push(await readLeg(file));
    const first = legs[0];
    checkSameSettings(legs);
    const projects = legs.flatMap((leg) => leg.projects.map(toOutcome));
    const settings = first.settings;
    const csvParts = [];
    for (const leg of legs)
        csvParts.push(await legCsvRows(leg.file));
    return {
        result: {
            tool: first.tool,
            source: first.source,
            settings,
            benchmark: first.benchmark,
            projects,
            gate: applyGate(projects, {
                thresholds: settings.thresholds,
                gateOn: settings.gateOn,
                onInconclusive: settings.onInconclusive,
                minDataUnits: settings.minDataUnits
            })
        },
        csvRows: csvParts.join(''),
        legs: legs.map((leg) => leg.file)
    };
}
async function readLeg(file) {
    let json;
    try {
        json = JSON.parse(await readFile(file, 'utf8'));
    }
    catch (error) {
        throw new InputError(`Could not read the leg report ${file}: ${error instanceof SyntaxError ? 'not JSON' : error.message.split('\n')[0]}`, 'merge-reports');
    }
    const parsed = legSchema.safeParse(json);
    if (!parsed.success) {
        throw new InputError(`${file} is not a report.json written by encord-annotator-eval; point merge-reports at the legs' report.json files`, 'merge-reports');
    }
    return { ...parsed.data, file };
}
function checkSameSettings(legs) {
    const first = legs[0];
    for (const leg of legs.slice(1)) {
        if (leg.benchmark.projectHash !== first.benchmark.projectHash) {
            throw differ(first, leg, 'benchmark project', first.benchmark.projectHash, leg.benchmark.projectHash);
        }
        for (const [key, input] of Object.entries(SETTING_INPUTS)) {
            const a = JSON.stringify(first.settings[key]);
            const b = JSON.stringify(leg.settings[key]);
            if (a !== b)
                throw differ(first, leg, input, a, b);
        }
    }
}
function differ(a, b, setting, left, right) {
    return new InputError(`Legs ${a.file} and ${b.file} were run with a different ${setting} (${left} and ${right}); merge only legs run with the same settings`, 'merge-reports');
}
/**
 * A report's project entry as a run's outcome. The worst items and feedback facts are not in
 * report.json: a merged project has none (its leg's summary and notes have them).
 */
function toOutcome(entry) {
    if (entry.status === 'failed')
        return entry;
    const evaluation = {
        ...entry.evaluation,
        worstItems: [],
        // Counted from no objects: zero errors and no bias, which nothing claims about.
        feedback: projectFeedback({ ...entry.evaluation, objects: [], scriptRows: [], classifications: [] }, 0)
    };
    return { ...entry, evaluation };
}
/** The leg's CSV without its header; its header must be ours, or the columns would not line up. */
async function legCsvRows(reportFile) {
    const file = path$2.join(path$2.dirname(reportFile), REPORT_FILE_NAMES.csv);
    let text;
    try {
        text = await readFile(file, 'utf8');
    }
    catch {
        throw new InputError(`The leg ${reportFile} has no ${REPORT_FILE_NAMES.csv} beside it; upload the leg's whole output folder`, 'merge-reports');
    }
    const header = csvHeader();
    if (!text.startsWith(header)) {
        throw new InputError(`${file} does not have this version's columns; run every leg and the merge with the same version of the action`, 'merge-reports');
    }
    return text.slice(header.length);
}

export { anythingOmitted as $, writeReportFiles as A, renderHtmlReport as B, renderSummary as C, renderReportJson as D, evaluateRun as E, renderAuditCsv as F, renderFeedbackNotes as G, renderProgressText as H, renderTerminalWorstItems as I, renderAuditTerminal as J, readHistoryPaths as K, mergeHistory as L, MISSING as M, Budget as N, utf16Units as O, safeUrl as P, artifactLink as Q, verdictMarkdown as R, settingsLine$1 as S, TOOL as T, omissionNotice as U, VERDICT_WORD as V, NOTHING_OMITTED as W, auditCommentLine as X, annotatorTable as Y, failureList as Z, progressWithin as _, scoreWithInterval as a, REPORT_FILE_NAMES as a0, filesInWords as a1, annotatorName as a2, worstItemsTable as a3, formatInterval as a4, formatThreshold as a5, notice as a6, warning as a7, error as a8, info as a9, debug as aa, setSecret as ab, BearerCredentialHandler as ac, earlierRunFromReport as ad, readHistoryFile as ae, appendHistoryFile as af, currentPoints as ag, group as ah, setOutput as ai, summary as aj, SUMMARY_LIMIT_BYTES$1 as ak, create as al, getInput as am, setFailed as an, findLegReports as ao, renderRegistrationSummary as ap, formatRatio as b, inert as c, verdictText as d, fitWidth as e, formatMetric as f, formatAgainstThreshold as g, comparisonSign as h, isEvaluated as i, intervalRange as j, displayWidth as k, confidencePercent as l, padStart as m, padEnd as n, checkRegistrationFiles as o, plural$1 as p, formatDiagnosticLine as q, registrationVerdict as r, standings as s, thresholdsSet as t, parseConfig as u, verdictOf as v, runPreflight as w, checkOutputDir as x, mergeLegReports as y, csvFileWriter as z };
