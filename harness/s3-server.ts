import { Worker } from "node:worker_threads";
import S3rver from "s3rver";

/** The key pair s3rver accepts (its one built-in account). */
export const S3RVER_KEYS = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" } as const;

/** A running S3-compatible server for the tests and the bench. */
export interface S3Server {
  /** `http://127.0.0.1:<port>`. */
  endpoint: string;
  port: number;
  close(): Promise<void>;
}

/**
 * Starts s3rver on 127.0.0.1 with its objects under `directory`, creating `buckets`. `port` 0 (the
 * default) takes a free port; the port of a server that was stopped starts it again on the same
 * address with the same objects (a network that comes back). `S3RVER_LOG=1` prints its requests.
 */
export async function startS3Server(directory: string, buckets: readonly string[], port = 0): Promise<S3Server> {
  const server = new S3rver({
    address: "127.0.0.1",
    port,
    directory,
    silent: process.env.S3RVER_LOG !== "1",
    configureBuckets: buckets.map((name) => ({ name })),
  });
  const address = await server.run();
  return { endpoint: `http://127.0.0.1:${address.port}`, port: address.port, close: () => server.close() };
}

/** {@link startS3Server} in a worker thread, for the benchmark: the server's work off the deploy's event loop. */
export async function startS3ServerThread(directory: string, buckets: readonly string[]): Promise<S3Server> {
  const worker = new Worker(new URL("./s3-server-thread.mjs", import.meta.url), {
    workerData: { directory, buckets, port: 0 },
  });
  const port = await new Promise<number>((resolve, reject) => {
    worker.once("message", (message: { port: number }) => resolve(message.port));
    worker.once("error", reject);
  });
  const close = async () => {
    const closed = new Promise((resolve) => worker.once("message", resolve));
    worker.postMessage("close");
    await closed;
    await worker.terminate();
  };
  return { endpoint: `http://127.0.0.1:${port}`, port, close };
}
