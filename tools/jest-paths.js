// Maps the tsconfig path aliases (@roster/*) for Jest, so they are declared once.
const { compilerOptions } = require('../tsconfig.base.json');

function pathsToModuleNameMapper() {
  const mapper = {};
  for (const [alias, [target]] of Object.entries(compilerOptions.paths)) {
    mapper[`^${alias.replace('/', '\\/')}$`] = `<rootDir>/${target.replace(/^\.\//, '')}`;
  }
  return mapper;
}

module.exports = { pathsToModuleNameMapper };
