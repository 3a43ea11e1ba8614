/**
 * Pane tests wait for states, never for a time: Testing Library's findBy/waitFor give up after 1 s
 * by default, which a busy CI machine can exceed. A generous limit keeps them waits for a state.
 */
if (typeof document !== "undefined") {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require("@testing-library/dom").configure({ asyncUtilTimeout: 20000 });
}
