/** Unit, rule, CLI and (later) browser tests. Default environment is node (ExcelJS, CLI). */
module.exports = {
  testMatch: ["<rootDir>/test/**/*.test.ts?(x)"],
  transform: {
    "^.+\\.(t|j)sx?$": [
      "@swc/jest",
      { jsc: { parser: { syntax: "typescript", tsx: true }, transform: { react: { runtime: "automatic" } } } },
    ],
  },
  moduleNameMapper: { "^office-addin-manifest$": "<rootDir>/node_modules/office-addin-manifest/lib/officeApp.js" },
  setupFilesAfterEnv: ["<rootDir>/test/setup-dom.ts"],
  testTimeout: 30000,
};
