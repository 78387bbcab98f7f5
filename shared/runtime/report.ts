import { S3Client } from '@aws-sdk/client-s3';
import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import * as z from 'zod';
import { SHIPPED_STORY } from '../config/story.ts';
import { reportLink } from '../report/link.ts';
import { LOCAL_CREDENTIALS, LOCAL_REGION, type Store } from '../store/client.ts';
import { publishReport, type ReportTarget } from '../usecases/publish-report.ts';
import { logger } from './log.ts';
import { parseEnvironment } from './parse-environment.ts';

/**
 * The story page's settings in a λ's environment (notify, digest, serve-report): the
 * private bucket, the serving function's URL and the parameter holding the link's
 * token. A module of its own, so the handlers that do not publish the page (poll,
 * analyze) do not bundle the S3 and SSM clients.
 */
const ReportEnvironmentSchema = z.object({
  REPORT_BUCKET: z.string().min(3),
  REPORT_URL: z.url().optional(),
  REPORT_TOKEN_PARAMETER: z.string().startsWith('/').optional(),
  /** Tests only: the S3 emulator. */
  S3_ENDPOINT: z.url().optional(),
  AWS_REGION: z.string().optional(),
  /** The page's title when the stack tracks a story of the owner's own (else the shipped story's). */
  STORY_TITLE: z.string().min(1).optional(),
});

/** Where the page is published, the link's token, and the link itself. */
export interface ReportSetup {
  target: ReportTarget;
  /** The story's title, the page's heading. */
  title: string;
  /** The token from its secure parameter, kept a few minutes (a rotation shows within them). */
  token: () => Promise<string | undefined>;
  link: () => Promise<string | undefined>;
}

const TOKEN_TTL_MS = 5 * 60_000;
const setups = new Map<string, ReportSetup>();

/**
 * The report setup for this environment, or undefined when the stack publishes no page
 * (no REPORT_BUCKET: local runs). Built once per distinct environment.
 *
 * @example
 * const report = reportFromEnvironment(process.env); // undefined locally
 */
export function reportFromEnvironment(env: NodeJS.ProcessEnv): ReportSetup | undefined {
  if (!env.REPORT_BUCKET) return undefined;
  const vars = parseEnvironment(ReportEnvironmentSchema, env);
  const key = JSON.stringify([
    vars.REPORT_BUCKET,
    vars.REPORT_URL,
    vars.REPORT_TOKEN_PARAMETER,
    vars.S3_ENDPOINT,
    vars.STORY_TITLE,
  ]);
  const known = setups.get(key);
  if (known) return known;
  const s3 = new S3Client(
    vars.S3_ENDPOINT
      ? {
          endpoint: vars.S3_ENDPOINT,
          region: vars.AWS_REGION ?? LOCAL_REGION,
          credentials: LOCAL_CREDENTIALS,
          forcePathStyle: true,
        }
      : { region: vars.AWS_REGION },
  );
  const token = cachedToken(vars.REPORT_TOKEN_PARAMETER, vars.AWS_REGION);
  const setup: ReportSetup = {
    target: { s3, bucket: vars.REPORT_BUCKET },
    title: vars.STORY_TITLE ?? SHIPPED_STORY.baseline.title,
    token,
    link: async () => {
      const current = await token();
      return vars.REPORT_URL && current ? reportLink(vars.REPORT_URL, current) : undefined;
    },
  };
  setups.set(key, setup);
  return setup;
}

/** Reads the SecureString parameter (decrypted), at most once every TOKEN_TTL_MS. */
function cachedToken(parameter: string | undefined, region: string | undefined) {
  let cached: { token: string; until: number } | undefined;
  return async (): Promise<string | undefined> => {
    if (!parameter) return undefined;
    if (!cached || cached.until < Date.now()) {
      const ssm = new SSMClient({ region });
      try {
        const { Parameter } = await ssm.send(
          new GetParameterCommand({ Name: parameter, WithDecryption: true }),
        );
        cached = { token: Parameter?.Value ?? '', until: Date.now() + TOKEN_TTL_MS };
      } finally {
        ssm.destroy();
      }
    }
    return cached.token || undefined;
  };
}

/**
 * Publishes the story's page again after alerts or with the digest. A page that
 * cannot be written is logged, never a failed batch: the alerts went out, and the
 * next alert or digest writes the page again.
 */
export async function refreshReport(store: Store, report: ReportSetup): Promise<void> {
  try {
    const bytes = await publishReport(store, report.target, {
      now: new Date(),
      title: report.title,
    });
    logger.info('report published', { bytes });
  } catch (error) {
    logger.error('report not published', { error: String(error) });
  }
}
