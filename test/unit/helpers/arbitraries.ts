import fc from 'fast-check';

/** Any JavaScript value fast-check can make, exotic shapes included. */
export const anythingDeep = fc.anything({
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withObjectString: true,
  withSparseArray: true,
  withTypedArray: true,
  withUnicodeString: true,
});
