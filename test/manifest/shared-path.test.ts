/**
 * The tests that read ../shared (manifest XSDs, ECMA-376 XSDs) fail naming the missing path, not with an ENOENT
 * or a validator's exit code (test/support/shared.ts).
 */
import path from "node:path";
import { SHARED_ROOT, sharedPath } from "../support/shared";

describe("files from ../shared", () => {
  test("a missing one fails with a sentence naming ../shared/<path>, where it looked and how to get it", () => {
    const looked = path.join(SHARED_ROOT, "schemas", "no-such-schema.xsd");
    expect(() => sharedPath("schemas/no-such-schema.xsd")).toThrow(
      `this test needs ../shared/schemas/no-such-schema.xsd (looked for ${looked}), which is missing: clone the shared repository beside this one (CI's .ci/run runs with ../shared in place)`,
    );
  });

  test("a present one is given as its absolute path beside the repository", () => {
    expect(sharedPath("schemas/office-addin-manifest/OfficeAppManifestV1_1.xsd")).toBe(
      path.resolve(__dirname, "..", "..", "..", "shared", "schemas", "office-addin-manifest", "OfficeAppManifestV1_1.xsd"),
    );
  });
});
