import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { renderReport } from '../report/page.ts';
import type { Store } from '../store/client.ts';
import { buildReport } from './build-report.ts';

/** Where the deployed stack keeps its page: a private bucket, one object. */
export interface ReportTarget {
  s3: S3Client;
  bucket: string;
}

/** The object the page is kept as (the serving function reads the same key). */
export const REPORT_KEY = 'report/index.html';

/**
 * Publish the report (the use case): build it from the store, render it, and put it
 * in the private bucket, replacing the last one. Returns the page's size.
 *
 * @example
 * await publishReport(store, { s3, bucket }, { now: new Date(), title: sheet.title });
 */
export async function publishReport(
  store: Store,
  target: ReportTarget,
  scope: { now: Date; title: string },
): Promise<number> {
  const page = renderReport(await buildReport(store, { ...scope, location: 'the deployed stack' }));
  await target.s3.send(
    new PutObjectCommand({
      Bucket: target.bucket,
      Key: REPORT_KEY,
      Body: page,
      ContentType: 'text/html; charset=utf-8',
    }),
  );
  return Buffer.byteLength(page);
}
