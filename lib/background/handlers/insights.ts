import type { InsightsReport, InsightsRequest } from '../../insights/report';
import { database } from '../database';
import { insightsReport } from '../insights';
import { readPlaybook } from '../playbook-store';
import { handle } from '../router';

/** The options page's funnel and activity figures for one period. */
export async function getInsights(request: InsightsRequest, now = Date.now()): Promise<InsightsReport> {
  return insightsReport(await database(), await readPlaybook(), request.period, now);
}

export function registerInsights(): void {
  handle('getInsights', 'extension-page', (request) => getInsights(request));
}
