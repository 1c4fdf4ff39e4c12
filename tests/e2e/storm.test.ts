import type { Page } from 'playwright-core';
import type { WebSocketServer } from 'ws';
import { describe, expect, it } from 'vitest';
import { useBrowserDesk } from '../helpers/browserDesk';

const desk = useBrowserDesk();

/** A Russian producer console that records whether each (re)connection was resumed. */
async function openConsole(): Promise<{ page: Page; hellos: boolean[] }> {
  const context = await desk.browser.newContext({ locale: 'ru', viewport: { width: 1400, height: 900 } });
  await context.addInitScript(() => {
    window.localStorage.setItem('desk.producerName', 'Айгерим');
    window.localStorage.setItem('desk.lang', 'ru');
  });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  const hellos: boolean[] = [];
  page.on('websocket', (socket) =>
    socket.on('framereceived', ({ payload }) => {
      const message = JSON.parse(String(payload)) as { type: string; resumed?: boolean };
      if (message.type === 'hello') hellos.push(message.resumed === true);
    }),
  );
  await page.goto(desk.core.loginUrl('/console'));
  await page.locator('.connection-online').waitFor();
  return { page, hellos };
}

async function ask(text: string, id: string): Promise<number> {
  return (await desk.core.intake.accept({ channel: 'web', externalId: id, senderName: 'Зритель', text })).questionId;
}

const row = (page: Page, id: number) => page.locator(`li.question[data-question-id="${id}"]`);

describe('a console through a storm', () => {
  it('gets every question made while its socket was down, without reloading or scrolling', async () => {
    const { page, hellos } = await openConsole();
    const before = await ask('Когда починят фонари на Розыбакиева?', 'storm-before');
    await row(page, before).waitFor();

    // The network drops the socket (as a Wi-Fi hiccup would); questions keep coming meanwhile.
    const sockets = (desk.core.http as unknown as { websocketServer: WebSocketServer }).websocketServer;
    for (const socket of sockets.clients) socket.terminate();
    const missed: number[] = [];
    for (let i = 0; i < 6; i++) missed.push(await ask(`Вопрос ${i}: когда уберут снег во дворе дома ${i + 10}?`, `storm-missed-${i}`));

    await page.locator('.connection-online').waitFor();
    for (const id of missed) await row(page, id).waitFor();
    await row(page, before).waitFor();
    // The first connection started a stream; the second resumed it (the list was not reloaded).
    expect(hellos.filter((h) => !h).length).toBeGreaterThanOrEqual(1);
    await expect.poll(() => hellos.at(-1)).toBe(true);
    await page.context().close();
  });

  it('shows the backlog live while a storm is being made into questions, and hides it when it is empty', async () => {
    const { page } = await openConsole();
    const backlog = page.getByTestId('backlog');
    expect(await backlog.count()).toBe(0);
    // The count as intake reports it while a flood waits in the ledger (the core tests cover the real one).
    desk.core.bus.emit('intake.waiting', { waiting: 1234 });
    await backlog.getByText('Ещё 1234 принятых сообщений становятся вопросами').waitFor();
    desk.core.bus.emit('intake.waiting', { waiting: 17 });
    await backlog.getByText('Ещё 17 принятых').waitFor();
    desk.core.bus.emit('intake.waiting', { waiting: 0 });
    await backlog.waitFor({ state: 'detached' });
    await page.context().close();
  });
});
