// s3rver in a worker thread of its own (harness/s3-server.ts, startS3ServerThread), so that timing a
// deploy measures the client and the server on their own event loops, as with a real object store.
import { parentPort, workerData } from "node:worker_threads";
import S3rver from "s3rver";

const server = new S3rver({
  address: "127.0.0.1",
  port: workerData.port,
  directory: workerData.directory,
  silent: true,
  configureBuckets: workerData.buckets.map((name) => ({ name })),
});
const address = await server.run();
parentPort.postMessage({ port: address.port });
parentPort.on("message", async (message) => {
  if (message === "close") {
    await server.close();
    parentPort.postMessage("closed");
  }
});
