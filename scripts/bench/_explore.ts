import { ScaleBrowser } from './scale-browser';
import { measurePanelData } from './panel-data';
import { measurePopupData } from './popup-data';
import { measureInsightsSearch } from './insights-search';

const t = Date.now();
const scale = await ScaleBrowser.launch();
try {
  const log = (l: string) => console.log(`[${((Date.now() - t) / 1000).toFixed(1)}] ${l}`);
  const p = await measurePanelData(scale, log, { iterations: 10, warmup: 2, baselineRuns: 2 });
  console.log(JSON.stringify(p.cases.map((c) => c.summary)));
  const r = await measurePopupData(scale, log, {
    iterations: 20,
    warmup: 3,
    baselineRuns: 3,
    rearmRuns: 10,
    rearmWarmup: 2,
  });
  console.log(JSON.stringify(r, null, 1));
  const i = await measureInsightsSearch(scale, log, {
    insightsRuns: 3,
    searchRuns: 5,
    warmup: 1,
    baselineRuns: 2,
  });
  console.log(JSON.stringify(i, null, 1));
  log('done');
} finally {
  await scale.close();
}
console.log('total', (Date.now() - t) / 1000);
