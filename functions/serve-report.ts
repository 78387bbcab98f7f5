import { GetObjectCommand, NoSuchKey } from '@aws-sdk/client-s3';
import * as z from 'zod';
import { sameToken } from '../shared/report/link.ts';
import { logger } from '../shared/runtime/log.ts';
import { type ReportSetup, reportFromEnvironment } from '../shared/runtime/report.ts';
import { REPORT_KEY } from '../shared/usecases/publish-report.ts';

/** A Lambda function URL request, as far as serving the page needs it. */
const PageRequest = z.object({
  rawPath: z.string(),
  requestContext: z.object({ http: z.object({ method: z.string() }) }),
});

/** What every answer carries: never cached, never indexed, never a referrer, nothing to run. */
const HEADERS = {
  'cache-control': 'no-store',
  'referrer-policy': 'no-referrer',
  'x-robots-tag': 'noindex, nofollow',
  'x-content-type-options': 'nosniff',
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; img-src data:",
};

const answer = (statusCode: number, body: string, type = 'text/plain; charset=utf-8') => ({
  statusCode,
  headers: { ...HEADERS, 'content-type': type },
  body,
});

const NOT_YET = `<!doctype html><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>factwatch</title><p>The story's page has not been written yet: it is written after the first alert and with each daily digest.</p>`;

/**
 * serve-report λ (behind its function URL): the story's page for its owner only. The
 * link is `<url>/<token>`; any other path — no token, a wrong one, a guess — is the
 * same plain 404, so the URL alone reveals nothing. The bucket stays private: this
 * function is its only reader.
 */
export const handler = serveReportHandler(() => reportFromEnvironment(process.env));

/** The serving handler for a report setup from anywhere (tests pass one on the S3 emulator). */
export function serveReportHandler(reportOf: () => ReportSetup | undefined) {
  return async (event: unknown) => {
    const request = PageRequest.safeParse(event);
    if (!request.success) return answer(400, 'Bad request');
    const method = request.data.requestContext.http.method;
    if (method !== 'GET' && method !== 'HEAD') return answer(405, 'Method not allowed');
    const report = reportOf();
    const expected = await report?.token();
    const given = request.data.rawPath.replace(/^\/+|\/+$/g, '');
    if (!report || !expected || !sameToken(given, expected)) return answer(404, 'Not found');
    try {
      const object = await report.target.s3.send(
        new GetObjectCommand({ Bucket: report.target.bucket, Key: REPORT_KEY }),
      );
      return answer(200, (await object.Body?.transformToString('utf-8')) ?? '', 'text/html; charset=utf-8');
    } catch (error) {
      if (error instanceof NoSuchKey) return answer(200, NOT_YET, 'text/html; charset=utf-8');
      logger.error('report not served', { error: String(error) });
      throw error;
    }
  };
}
