import type { Site, YamlPath } from "../content/index.ts";
import { type CheckResult, checkResult, type Finding } from "./types.ts";

/** The one-character abbreviations of the provinces that ICP and 公安 record numbers start with. */
export const PROVINCE_ABBREVIATIONS = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼";

/** `新ICP备05001034号-1`: a province, `ICP备`, eight digits (ten, with the year, since 2019), `号`, an optional site number. */
export const ICP_NUMBER = new RegExp(`^([${PROVINCE_ABBREVIATIONS}])ICP备(\\d{8}|\\d{10})号(?:-\\d+)?$`);

/** `新公网安备 65020302000000号`: a province, `公网安备`, the 14-digit record code, `号`. */
export const POLICE_NUMBER = new RegExp(`^([${PROVINCE_ABBREVIATIONS}])公网安备\\s?(\\d{14})号$`);

/**
 * What is wrong with the identity a site's footer carries (主办单位, 网站标识码, ICP and 公安 record
 * numbers, 联系方式, the domain), each with the path of its key in the site file.
 */
export function identityProblems(site: Site): { path: YamlPath; severity: "warn" | "info"; message: string }[] {
  const problems: { path: YamlPath; severity: "warn" | "info"; message: string }[] = [];
  const warn = (path: YamlPath, message: string) => problems.push({ path, severity: "warn", message });
  const { footer } = site;
  if (!footer.sponsor.trim()) warn(["footer", "sponsor"], "缺少「主办单位」(sponsor)");
  if (!/^[0-9A-Za-z]{10}$/.test(site.id_code))
    warn(["id_code"], `「网站标识码」(id_code)「${site.id_code}」应为 10 位`);
  const icp = ICP_NUMBER.exec(footer.icp.trim());
  if (!icp)
    warn(
      ["footer", "icp"],
      `「ICP备案号」(icp)「${footer.icp}」格式不对，应如「新ICP备05001034号-1」：省份简称 + ICP备 + 8 位（2019 年后为 10 位）数字 + 号`,
    );
  else if (/^0+$/.test(icp[2] ?? ""))
    warn(["footer", "icp"], `「ICP备案号」(icp)「${footer.icp}」像是示例值，上线前请换成本单位的备案号`);
  const police = POLICE_NUMBER.exec(footer.police_record.number.trim());
  if (!police)
    warn(
      ["footer", "police_record", "number"],
      `「公安备案号」(police_record.number)「${footer.police_record.number}」格式不对，应如「新公网安备 65020302000000号」`,
    );
  if (!/^\d{14}$/.test(footer.police_record.code))
    warn(
      ["footer", "police_record", "code"],
      `「备案编号」(police_record.code)「${footer.police_record.code}」应为 14 位数字`,
    );
  else if (police && police[2] !== footer.police_record.code)
    warn(
      ["footer", "police_record", "code"],
      `「备案编号」(police_record.code) ${footer.police_record.code} 与公安备案号里的 ${police[2]} 不一致，页脚链接会指向别的网站`,
    );
  if (icp && police && icp[1] !== police[1])
    warn(["footer", "icp"], `ICP 备案号的省份「${icp[1]}」与公安备案号的「${police[1]}」不同，请核对`);
  if (!footer.phone && !footer.email)
    warn(["footer"], "页脚没有联系方式：请填写「联系电话」(phone) 或「电子邮箱」(email)");
  const host = new URL(site.url).hostname;
  if (!host.endsWith(".gov.cn")) warn(["url"], `网站地址 ${site.url} 不是 .gov.cn 域名：政府网站应使用 .gov.cn 域名`);
  if (!site.url.startsWith("https://")) warn(["url"], `网站地址 ${site.url} 没有用 HTTPS`);
  if (!footer.conac_url)
    problems.push({
      path: ["footer"],
      severity: "info",
      message: "没有填写党政机关网站标识的链接（conac_url）；本单位已开办标识的，请填写",
    });
  return problems;
}

/** 网站标识和备案号: the identity in the site file is present and well-formed. */
export function checkSiteIdentity(site: Site, siteLine: (path: YamlPath) => number): CheckResult {
  const findings: Finding[] = identityProblems(site).map((problem) => ({
    severity: problem.severity,
    file: "_data/site.yaml",
    line: siteLine(problem.path),
    field: problem.path.join("."),
    message: problem.message,
  }));
  const summary = `主办单位 ${site.footer.sponsor}，网站标识码 ${site.id_code}，${site.footer.icp}，${site.footer.police_record.number}`;
  return checkResult("site-identity", summary, findings);
}
