import { describe, expect, it } from "vitest";
import { describeFailure, errorKey } from "../../../lib/deploy/index.ts";

const context = { endpoint: "https://oss-cn-hangzhou.aliyuncs.com", bucket: "kjj-site" };
/** An error as the S3 client throws it for a service's answer. */
const serviceError = (Code: string, status: number) =>
  Object.assign(new Error(Code), { name: Code, Code, $metadata: { httpStatusCode: status } });

describe("describeFailure", () => {
  it("names wrong keys, the wrong secret included, in one line with the variables to check", () => {
    for (const code of ["InvalidAccessKeyId", "SignatureDoesNotMatch"]) {
      const failure = describeFailure(serviceError(code, 403), context);
      expect(failure.key).toBe(code);
      expect(failure.message).toBe(
        "访问密钥不对，请检查 DEPLOY_ACCESS_KEY_ID 和 DEPLOY_SECRET_ACCESS_KEY；存储桶没有任何改动",
      );
    }
  });

  it("tells a network failure after some uploads how far it got and that a second run finishes", () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" });
    const failure = describeFailure(refused, { ...context, progress: { done: 40, total: 120 } });
    expect(failure.key).toBe("ECONNREFUSED");
    expect(failure.message).toBe(
      "连不上 https://oss-cn-hangzhou.aliyuncs.com（网络错误）；已上传 40/120 个文件，按依赖顺序上传，网站仍然完整（新页面可能还没上去）；再运行一次 npm run deploy 会接着完成",
    );
  });

  it("reads the key of an answer without a body from its status", () => {
    expect(errorKey(Object.assign(new Error(), { name: "NotFound", $metadata: { httpStatusCode: 404 } }))).toBe(
      "NoSuchBucket",
    );
    expect(errorKey(Object.assign(new Error(), { name: "403", $metadata: { httpStatusCode: 403 } }))).toBe(
      "AccessDenied",
    );
    expect(describeFailure(serviceError("AccessDenied", 403), context).message).toBe(
      "这对访问密钥没有读写存储桶「kjj-site」的权限；存储桶没有任何改动",
    );
  });
});
