import { type FauxqsServer, startFauxqs } from 'fauxqs';

/** The SNS/SQS emulator (fauxqs), running inside this process on a free loopback port. */
export interface RunningSnsEmulator {
  endpoint: string;
  server: FauxqsServer;
  stop(): Promise<void>;
}

/**
 * Starts fauxqs in process. It speaks the SNS and SQS wire protocols, so the real
 * AWS SDK clients talk to it with only a different endpoint.
 *
 * @example
 * const sns = await startSnsEmulator();
 * const client = new SNSClient({ endpoint: sns.endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
 */
export async function startSnsEmulator(): Promise<RunningSnsEmulator> {
  const server = await startFauxqs({ port: 0, host: '127.0.0.1', logger: false });
  return {
    endpoint: `http://127.0.0.1:${server.port}`,
    server,
    stop: () => server.stop(),
  };
}
