// Wires the verification reports into the background: the runs over storage.local and the lookup service, the
// one-minute wake-up alarm (the `alarms` permission: no install warning), the frames' answers for "On this page", and
// the router's handlers for the report and page-collect requests.
import { browser } from 'wxt/browser';
import { FRAME_MATCHES, type FrameMatchesRequest } from '../messaging/page-messages';
import type { Handlers } from '../messaging/router';
import { localStore } from '../net/store';
import type { LookupService } from '../registry/service';
import { ReportStore } from '../report/store';
import { FrameCollector } from './page-collect';
import { ReportRuns } from './report-runs';

/** The alarm that wakes the worker while a report has something to do. */
const WAKE_ALARM = 'company-lens-report-runs';

/** The background's report handlers. */
export type ReportHandlers = Pick<Handlers, 'page-collect' | 'frame-matches' | 'report-create' | 'report-command'>;

const timers = {
  now: () => Date.now(),
  setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms),
  clearTimeout: (handle: unknown) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** Starts the reports' side of the background (resuming running reports) and returns its message handlers. */
export function setUpReports(service: LookupService, readRequester: () => Promise<string | undefined>): ReportHandlers {
  const runs = new ReportRuns({
    service,
    store: new ReportStore(localStore),
    clock: timers,
    newId: () => crypto.randomUUID(),
    readRequester,
    keepWaking: (on) => {
      // Created once: creating it again would start its minute again (and a busy run would never be woken).
      if (on)
        void browser.alarms.get(WAKE_ALARM).then(async (alarm) => {
          if (!alarm) await browser.alarms.create(WAKE_ALARM, { periodInMinutes: 1 });
        });
      else void browser.alarms.clear(WAKE_ALARM);
    },
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === WAKE_ALARM) void runs.wakeAll();
  });
  void runs.wakeAll(); // the worker (re)started: go on with what was running

  const collector = new FrameCollector({
    broadcast: (tabId, requestId) =>
      browser.tabs.sendMessage(tabId, { type: FRAME_MATCHES, requestId } satisfies FrameMatchesRequest),
    newId: () => crypto.randomUUID(),
    ...timers,
  });
  return {
    'page-collect': (r) => collector.collect(r.tabId),
    'frame-matches': ({ type: _type, ...answer }, sender) => ({ received: collector.receive(answer, sender) }),
    'report-create': (r) => runs.create(r.source, r.items),
    'report-command': (r) => runs.command(r.id, r.command),
  };
}
