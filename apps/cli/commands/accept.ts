import { userInfo } from 'node:os';
import { displayPath } from '../../../shared/config/load.ts';
import { nearest } from '../../../shared/config/suggest.ts';
import { UsageError } from '../../../shared/errors.ts';
import { renderValue } from '../../../shared/facts/render-value.ts';
import type { FactRule, RulesFile } from '../../../shared/facts/rules.ts';
import { rulesAt } from '../../../shared/facts/shipped-rules.ts';
import type { Fact } from '../../../shared/model/story.ts';
import { type Value, type ValueKind, ValueSchema } from '../../../shared/model/values.ts';
import { canonicalValue } from '../../../shared/store/alerts.ts';
import { acceptBaseline, baselineHistory, currentBaseline } from '../../../shared/store/baseline.ts';
import type { Store } from '../../../shared/store/client.ts';
import { findingById } from '../../../shared/store/findings.ts';
import { parseCommandArgs, STORE_OPTIONS, STORE_OPTIONS_HELP } from '../args.ts';
import type { Command } from '../command.ts';
import { downloadProgress } from '../progress.ts';
import { commandStory, type LocalStory, openSession } from '../session.ts';

/** One example value of each kind, for the error that explains the --value shape. */
const VALUE_EXAMPLES: Record<ValueKind, string> = {
  money: '{"kind":"money","amount":22000000000,"currency":"USD"}',
  percent: '{"kind":"percent","value":70.2}',
  year: '{"kind":"year","value":2027}',
  count: '{"kind":"count","value":10}',
  quantity: '{"kind":"quantity","value":5,"unit":"EFLOPS"}',
  ratio: '{"kind":"ratio","value":3}',
  node: '{"kind":"node","value":2}',
  entities: '{"kind":"entities","values":["Samsung","TSMC"]}',
  status: '{"kind":"status","value":"delayed"}',
  place: '{"kind":"place","value":"Taylor, Texas"}',
};

function parseValueOption(text: string, kind: ValueKind | undefined): Value {
  const example = `e.g. --value '${VALUE_EXAMPLES[kind ?? 'money']}'`;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new UsageError(`--value: not valid JSON: ${text} (${example})`);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    throw new UsageError(
      `--value: a value is a JSON object with its kind, not ${JSON.stringify(json)}: ${example} (docs/contracts.md lists the kinds)`,
    );
  const parsed = ValueSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new UsageError(
      `--value: ${issue.path.length ? `field "${issue.path.join('.')}": ` : ''}${issue.message} (${example})`,
    );
  }
  return parsed.data;
}

const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));

/**
 * A value typed by hand, checked as a reader would: an amount above zero in an ISO 4217 currency, counts and
 * measures above zero, and foundries the fact knows, written as the engine writes them ("tsmc" is refused with
 * "TSMC" suggested, not stored to read as another foundry later); entities come back sorted, as stored values are.
 */
function checkTypedValue(value: Value, fact: Fact, rules: RulesFile): Value {
  const rule = rules.facts[fact.id]?.value;
  return withinTheRule(checkedForItsKind(value, fact.id, rule), fact, rule);
}

/**
 * A value the fact's rules can read: within its bounds, in its unit, one of its statuses. The engine never
 * observes a value outside them, so such a baseline could never be confirmed or changed by the news.
 */
function withinTheRule(value: Value, fact: Fact, rule: FactRule['value'] | undefined): Value {
  const factId = fact.id;
  // A value of another kind is refused as such, once the store says what the fact holds.
  if (!rule || value.kind !== fact.kind) return value;
  // Money bounds are in the baseline's currency, US dollars: an amount in won is not compared with them.
  const number =
    value.kind === 'money'
      ? value.currency === 'USD'
        ? value.amount
        : undefined
      : 'value' in value
        ? value.value
        : undefined;
  if (
    typeof number === 'number' &&
    ((rule.min !== undefined && number < rule.min) || (rule.max !== undefined && number > rule.max))
  )
    throw new UsageError(
      `--value: ${factId} reads values from ${boundText(value, rule.min)} to ${boundText(value, rule.max)}, not ${renderValue(value)}`,
    );
  if (value.kind === 'quantity' && rule.units && !Object.hasOwn(rule.units, value.unit))
    throw new UsageError(
      `--value: ${factId} is read in ${Object.keys(rule.units).join(', ')}, not "${value.unit}"`,
    );
  if (value.kind === 'status' && rule.statuses) {
    // The statuses the rules read, and the sheet's own (a programme that is simply "active").
    const sheetStatus = fact.value;
    const known = [
      ...new Set([
        ...Object.values(rule.statuses),
        ...(sheetStatus?.kind === 'status' ? [sheetStatus.value] : []),
      ]),
    ];
    if (!known.includes(value.value))
      throw new UsageError(`--value: ${factId} is one of ${known.join(', ')}, not "${value.value}"`);
  }
  return value;
}

/** A bound as the value's own kind renders it ("2024", "30%", "$1B"), or "any" when the rule sets none. */
function boundText(value: Value, bound: number | undefined): string {
  if (bound === undefined) return 'any';
  if (value.kind === 'money') return renderValue({ ...value, amount: bound });
  return 'value' in value && typeof value.value === 'number'
    ? renderValue({ ...value, value: bound } as Value)
    : String(bound);
}

function checkedForItsKind(value: Value, factId: string, rule: FactRule['value'] | undefined): Value {
  const positive = (amount: number, what: string) => {
    if (!(amount > 0)) throw new UsageError(`--value: ${what} must be above 0, not ${amount}`);
  };
  switch (value.kind) {
    case 'money':
      positive(value.amount, 'an amount');
      if (!CURRENCIES.has(value.currency))
        throw new UsageError(
          `--value: "${value.currency}" is not an ISO 4217 currency code (USD, KRW, EUR …)`,
        );
      return value;
    case 'count':
    case 'quantity':
    case 'ratio':
    case 'node':
      positive(value.value, `a ${value.kind}`);
      return value;
    case 'entities': {
      const known = rule?.entities ?? [];
      for (const name of value.values) {
        if (known.length === 0 || known.includes(name)) continue;
        const meant = known.find((entry) => entry.toLowerCase() === name.toLowerCase());
        throw new UsageError(
          meant
            ? `--value: "${name}" is written "${meant}"`
            : `--value: "${name}" is not a foundry ${factId} knows (${known.join(', ')})`,
        );
      }
      return { ...value, values: [...new Set(value.values)].sort() };
    }
    default:
      return value;
  }
}

/** The fact a finding id belongs to, when it is not `except`. */
async function factOfFinding(
  store: Store,
  findingId: string,
  story: LocalStory,
  except: string,
): Promise<string | undefined> {
  for (const fact of story.sheet.facts)
    if (fact.id !== except && (await findingById(store, fact.id, findingId))) return fact.id;
  return undefined;
}

/** --version N: a version number, 1 or more. */
function versionNumber(text: string): number {
  if (!/^[1-9]\d{0,5}$/.test(text.trim()))
    throw new UsageError(`--version: "${text}" is not a version number (1, 2, …)`);
  return Number(text.trim());
}

/**
 * The value to accept: given with --value, the fact sheet's with --from-file, an earlier version's with
 * --version (an undo that keeps the history: the mistaken versions stay listed), or a stored finding's.
 */
async function valueToAccept(
  store: Store,
  factId: string,
  options: { finding?: string; typed?: Value; 'from-file'?: boolean; earlier?: number },
  story: LocalStory,
) {
  if (options.typed !== undefined) return { value: options.typed, findingId: undefined, restores: undefined };
  if (options.earlier !== undefined) {
    const versions = await baselineHistory(store, factId);
    const earlier = versions.find((version) => version.version === options.earlier);
    if (!earlier)
      throw new UsageError(
        `--version: ${factId} has no version ${options.earlier} (it has 1 to ${versions.length}; factwatch facts ${factId} lists them)`,
      );
    if (!earlier.value)
      throw new UsageError(`--version: version ${options.earlier} of ${factId} holds no value`);
    // An undo restores the version as it was: its claim and qualifier ("minimum") with its value.
    return { value: earlier.value, findingId: undefined, restores: earlier };
  }
  if (options['from-file']) {
    const fact = story.sheet.facts.find((candidate) => candidate.id === factId);
    if (!fact?.value)
      throw new UsageError(`--from-file: ${displayPath(story.sheetPath)} holds no value for ${factId}`);
    return { value: fact.value, findingId: undefined, restores: undefined };
  }
  const finding = await findingById(store, factId, options.finding!);
  if (!finding) {
    // A finding id copied from the wrong row: say whose it is (only on this failing path: one query a fact).
    const owner = await factOfFinding(store, options.finding!, story, factId);
    throw new UsageError(
      owner
        ? `--finding: "${options.finding}" is a finding of ${owner}, not of ${factId} (factwatch accept ${owner} --finding ${options.finding})`
        : `--finding: no finding "${options.finding}" for ${factId} (factwatch history --fact ${factId} --format json lists them)`,
    );
  }
  if (!finding.observed)
    throw new UsageError(`--finding: finding "${options.finding}" has no observed value to accept`);
  return { value: finding.observed, findingId: finding.findingId, restores: undefined };
}

export const acceptCommand: Command = {
  name: 'accept',
  summary: 'adopt an observed value as the new baseline',
  help: `Usage: factwatch accept FACT_ID (--finding ID | --value JSON | --from-file | --version N)
                        [--reason TEXT] [--by NAME]
                        [--data-dir DIR | --table NAME]

Makes a value the fact's new baseline version. Earlier versions are kept, with who
accepted each, when and why; later items are compared with the accepted value.

Options:
  --finding ID          accept the observed value of this finding (ids: history --format json)
  --value JSON          accept this value, e.g. '{"kind":"money","amount":22e9,"currency":"USD"}'
  --from-file           accept the value the fact sheet (baseline.json, or --baseline FILE)
                        now holds, after editing it
  --version N           accept the value of the fact's version N again (undo a mistaken
                        accept; every version stays listed by factwatch facts FACT_ID)
  --reason TEXT         why (default: names the finding, or "set by hand")
  --by NAME             who (default: your user name)
${STORE_OPTIONS_HELP}

Examples:
  factwatch accept taylor.production_start --finding 3f9c2a71d04b6e58
  factwatch accept deal.value --value '{"kind":"money","amount":22000000000,"currency":"USD"}' --reason "8-K filing"
  factwatch accept deal.value --version 2 --reason "undo a typo"`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(
      'accept',
      args,
      {
        ...STORE_OPTIONS,
        finding: { type: 'string' },
        value: { type: 'string' },
        'from-file': { type: 'boolean' },
        version: { type: 'string' },
        reason: { type: 'string' },
        by: { type: 'string' },
      },
      1,
    );
    if (values.help) {
      io.out(this.help);
      return 0;
    }
    const [factId, ...extra] = positionals;
    if (!factId || extra.length)
      throw new UsageError('accept: give exactly one FACT_ID (factwatch facts lists them)');
    // The fact first: a value checked against a fact that does not exist would be the wrong complaint.
    // The command's story (--baseline, cdk.json's, else the shipped one): its sheet names the facts and their
    // kinds, so the --value example fits before any store starts, and its rules say what a value may be.
    const story = commandStory(values);
    const fact = story.sheet.facts.find((entry) => entry.id === factId);
    if (fact === undefined) {
      const guess = nearest(
        factId,
        story.sheet.facts.map((entry) => entry.id),
      );
      throw new UsageError(
        `accept: no fact "${factId}"${guess ? ` (did you mean "${guess}"?)` : ''} (factwatch facts lists them)`,
      );
    }
    const sources = [
      values.finding !== undefined,
      values.value !== undefined,
      Boolean(values['from-file']),
      values.version !== undefined,
    ];
    if (sources.filter(Boolean).length !== 1) {
      throw new UsageError('accept: give one of --finding ID, --value JSON, --from-file or --version N');
    }
    const earlier = values.version === undefined ? undefined : versionNumber(values.version);
    // Checked before any store starts; the same value is the one accepted.
    const typed =
      values.value === undefined
        ? undefined
        : checkTypedValue(parseValueOption(values.value, fact.kind), fact, rulesAt(story.rulesPath));
    if (values.by !== undefined && !values.by.trim())
      throw new UsageError('--by: give a name (or leave --by out)');
    const session = await openSession(values, downloadProgress(io), story);
    if (session.newStoreNote) io.err(session.newStoreNote);
    try {
      const current = await currentBaseline(session.store, factId);
      if (!current) throw new UsageError(`accept: no fact "${factId}" (factwatch facts lists them)`);
      const { value, findingId, restores } = await valueToAccept(
        session.store,
        factId,
        { ...values, typed, earlier },
        session.story,
      );
      if (value.kind !== current.kind)
        throw new UsageError(`accept: ${factId} holds ${current.kind} values, not ${value.kind}`);
      // Accepting what is already the baseline changes nothing: no new version.
      // (An undo to a version of the same value but another claim or qualifier is a change: "minimum" comes back.)
      if (
        canonicalValue(value) === canonicalValue(current.value) &&
        (!restores || (restores.claim === current.claim && restores.qualifier === current.qualifier))
      ) {
        io.out(`${factId}: already ${renderValue(current.value)} (v${current.version}); nothing changed`);
        return 0;
      }
      const reason =
        values.reason ??
        (findingId
          ? `accepted finding ${findingId}`
          : values['from-file']
            ? `from ${displayPath(session.story.sheetPath)}`
            : earlier !== undefined
              ? `back to v${earlier}`
              : 'set by hand');
      const accepted = await acceptBaseline(
        session.store,
        factId,
        {
          value,
          findingId,
          basedOnVersion: current.version,
          acceptedBy: values.by ?? process.env.USER ?? userInfo().username,
          reason,
          // The sheet's claim and qualifier described the old value; the new one says where it came from —
          // or, brought back, is the version it restores.
          claim: restores?.claim ?? `${renderValue(value)}: ${reason}`,
          qualifier: restores?.qualifier,
        },
        new Date(),
      );
      io.out(
        `${factId}: ${renderValue(current.value)} (v${current.version}) -> ${renderValue(accepted.value)} (v${accepted.version})`,
      );
      return 0;
    } finally {
      await session.close();
    }
  },
};
