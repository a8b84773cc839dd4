export { ID_PREFIXES, type IdKind, isId, newId } from './prefixed-id';
