/** The commit a sheet or site was made from (`git rev-parse --short HEAD`), or unknown without git. */
export type SourceCommit = { readonly kind: 'known'; readonly short: string } | { readonly kind: 'unknown' };
