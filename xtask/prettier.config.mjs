// How the project's scripts are formatted (checked by `cargo xtask test`).
export default {
  printWidth: 120,
  singleQuote: true,
};
