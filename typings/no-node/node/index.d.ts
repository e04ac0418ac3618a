// Stands in for @types/node in the layers that must not see Node's types
// (shared/, sync/, web/: their tsconfig.json points "typeRoots" here). Some
// libraries' types pull Node in with `/// <reference types="node" />`
// (@types/papaparse does), which "types": [] does not stop; with this folder
// as the first type root that reference resolves to this empty file instead.
export {};
