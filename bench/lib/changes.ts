import { Client } from 'pg';
import { Random } from './prng';

/**
 * Scenario "changes": a mirror following the register, one page of 100 change-log events with the
 * record as the public sees it now per event: the query of the mirror loop in docs/public-api.md
 * (plus each event's position and moment).
 */
export const CHANGES = `query BenchChanges($after: String) {
  changes(after: $after, first: 100) {
    lastPosition
    pageInfo { hasNextPage endCursor }
    edges { node { position kind occurredAt activityId reference record { id reference title updatedAt organisation { id name } } } }
  }
}`;

/** Request bodies starting at every 100th position of the log, in random order (a mirror may be anywhere in it). */
export async function changesBodies(databaseUrl: string): Promise<string[]> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ after: string }>(
      `select position::text as after from (select position, row_number() over (order by position) as n from public_change) p where n % 100 = 1 order by position`,
    );
    // The page after the last of these is short; drop it so every page holds 100 events.
    const starts = rows.slice(0, -1).map((r) => String(BigInt(r.after) - 1n));
    if (!starts.length) throw new Error('the change log holds fewer than 200 events: the changes scenario needs a register generated through the projector');
    return new Random(11).sample(starts, starts.length).map((after) => JSON.stringify({ query: CHANGES, variables: { after } }));
  } finally {
    await client.end();
  }
}
