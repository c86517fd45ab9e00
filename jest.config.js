/** Jest 30 in native ESM mode (run through `node --experimental-vm-modules`, see package.json). */
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }]
  },
  testMatch: ['<rootDir>/__tests__/**/*.test.ts'],
  // The test cluster's etcd keeps .snap files: they are not jest snapshots.
  modulePathIgnorePatterns: ['<rootDir>/.cluster/'],
  testTimeout: 60000
}
