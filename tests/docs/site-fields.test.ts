import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { siteSchema } from "../../lib/content/site.ts";
import { PROJECT_DIR } from "../../lib/shared/paths.ts";

interface SchemaDef {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  in?: z.ZodType;
}

const defOf = (schema: z.ZodType) => (schema as unknown as { def: SchemaDef }).def;

/** Every field an editor can write in the site file, nested objects as `a.b`, list items as `a[].b`. */
function schemaFields(schema: z.ZodType, prefix = ""): string[] {
  const def = defOf(schema);
  if (def.type === "optional" || def.type === "default") return schemaFields(def.innerType as z.ZodType, prefix);
  if (def.type === "pipe" && def.in) return schemaFields(def.in, prefix);
  if (def.type === "object" && def.shape)
    return Object.entries(def.shape).flatMap(([key, value]) => schemaFields(value, prefix ? `${prefix}.${key}` : key));
  if (def.type === "array" && def.element && defOf(def.element).type === "object")
    return schemaFields(def.element, `${prefix}[]`);
  return [prefix];
}

/** The first column of the field table in the editors' guide's section on the site file. */
function guideFields(): string[] {
  const guide = readFileSync(path.join(PROJECT_DIR, "docs/editors-guide.md"), "utf8");
  const section = guide.split("### 站点配置 `_data/site.yaml`")[1]?.split("\n### ")[0] ?? "";
  return [...section.matchAll(/^\| `([\w.[\]]+)` +\| (?:是|否) /gm)].map((match) => match[1] as string);
}

describe("the editors' guide's table of the site file", () => {
  it("lists every field of the site file's schema, in its order, and no other", () => {
    expect(guideFields()).toEqual(schemaFields(siteSchema));
  });

  it("is where the site file sends its readers", () => {
    const firstLine = readFileSync(path.join(PROJECT_DIR, "_data/site.yaml"), "utf8").split("\n")[0];
    expect(firstLine).toContain("docs/editors-guide.md「站点配置 `_data/site.yaml`」");
  });
});
