/** Where a resource lives: the partition, Region and account that fill `${Partition}` `${Region}` `${Account}`. */
export type Location = {
  partition: string;
  /** Region, or `*` when unknown. */
  region: string;
  /** Account id, or `*` when unknown. */
  account: string;
};

/** Overlays the non-empty parts of `override` on `base` (a literal ARN keeps its own partition/Region/account). */
export function withLocation(base: Location, override: Partial<Location> | undefined): Location {
  if (override === undefined) return base;
  return {
    partition: override.partition || base.partition,
    region: override.region || base.region,
    account: override.account || base.account,
  };
}
