import { CustomResource, RemovalPolicy, type Stack } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { FunctionUrlAuthType, InvokeMode } from 'aws-cdk-lib/aws-lambda';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { REPORT_LINK_RESOURCE } from '../../shared/report/link.ts';
import { REPORT_KEY } from '../../shared/usecases/publish-report.ts';
import type { FactwatchFunction } from '../function.ts';
import type { FunctionFactory } from './shared.ts';

/** The private bucket the story's page is kept in: nobody but the stack's functions reads it. */
export function reportBucket(stack: Stack): Bucket {
  return new Bucket(stack, 'ReportPages', {
    blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
    encryption: BucketEncryption.S3_MANAGED,
    enforceSSL: true,
    objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
    // CloudFormation cannot delete a bucket that holds the page: like the table, it stays after
    // `cdk destroy` (one small object; delete it by hand if you like).
    removalPolicy: RemovalPolicy.RETAIN,
  });
}

/** The SecureString parameter holding the link's token (made by the seed λ, never in the template). */
export const reportTokenParameter = (stack: Stack) => `/factwatch/${stack.stackName}/report-link-token`;

/**
 * The story's page, deployed: notify (after a batch that alerted) and the daily digest
 * write it to the private bucket; serve-report, behind a function URL, returns it to
 * whoever holds the link `<url>/<token>` and a plain 404 to anyone else. The token is
 * made at deploy and again whenever `reportLinkVersion` changes; the alert emails and
 * the digest end with the link.
 */
export class ReportPage {
  readonly serve: FactwatchFunction;
  readonly url: string;

  constructor(
    stack: Stack,
    deps: {
      bucket: Bucket;
      fn: FunctionFactory;
      writers: FactwatchFunction[];
      seed: FactwatchFunction;
      seedServiceToken: string;
      linkVersion: number;
    },
  ) {
    const parameter = reportTokenParameter(stack);
    const parameterArn = stack.formatArn({
      service: 'ssm',
      resource: 'parameter',
      resourceName: parameter.slice(1),
    });
    this.serve = deps.fn('serve-report', "factwatch: the story's page, for the holder of its link");
    const functionUrl = this.serve.fn.addFunctionUrl({
      // The token in the path is the key: the URL is public, the page is not.
      authType: FunctionUrlAuthType.NONE,
      invokeMode: InvokeMode.BUFFERED,
    });
    this.url = functionUrl.url;
    // One object, one action each: serve-report reads the page, the writers put it; no listing, no wildcard.
    const page = deps.bucket.arnForObjects(REPORT_KEY);
    this.serve.fn.addToRolePolicy(new PolicyStatement({ actions: ['s3:GetObject'], resources: [page] }));
    const readToken = new PolicyStatement({ actions: ['ssm:GetParameter'], resources: [parameterArn] });
    this.serve.fn.addToRolePolicy(readToken);
    for (const writer of deps.writers) {
      writer.fn.addToRolePolicy(new PolicyStatement({ actions: ['s3:PutObject'], resources: [page] }));
      writer.fn.addToRolePolicy(readToken);
      writer.fn.addEnvironment('REPORT_URL', functionUrl.url);
    }
    deps.seed.fn.addToRolePolicy(
      new PolicyStatement({
        actions: ['ssm:PutParameter', 'ssm:DeleteParameter'],
        resources: [parameterArn],
      }),
    );
    new CustomResource(stack, 'ReportLinkToken', {
      serviceToken: deps.seedServiceToken,
      resourceType: REPORT_LINK_RESOURCE,
      // A new value here is a new token: the old link stops working within minutes.
      properties: { Parameter: parameter, LinkVersion: String(deps.linkVersion) },
    });
  }
}
