/**
 * The benchmark page of scripts/bench-wall.mjs: a wish wall fed through a real client (the
 * embedded transport on a memory store seeded with generated wishes), measured in this browser.
 *
 * The store starts with the generated wishes (see seededClient). The 10,000 cards come from `client.wishes.list` (keyset pages of 100, as "加载更多" would
 * fetch them) and are given to the wall through its `items` property: a wall that clicked
 * "加载更多" a hundred times holds the same cards; the property only skips the clicking.
 */
import '../../src/define/provider.js';
import '../../src/define/wish-wall.js';
import type { Wish, WishCard } from '../../src/features/wishes/model.js';
import type { SqWishWall } from '../../src/features/wishes/elements/wish-wall/index.js';
import { createClient, type Client } from '../../src/sdk/index.js';
import { demoCommunities } from '../../src/features/core/demo.js';
import { createMemoryStore, type Change } from '../../src/stores/memory.js';
import { frame, median } from '../bench-page/browser.js';

const COMMUNITY = 'xingfuli';
const categories = ['study', 'daily', 'company', 'repair', 'other'];
const statuses = ['open', 'claimed', 'fulfilled', 'thanked'] as const;
const names = ['王秀英', '刘建华', '赵德明', '孙志强', '周桂芳', '钱淑珍', '欧阳娜娜'];

/** A stored wish as the services would have written it (status and history included). */
function generated(i: number): Wish {
  const at = new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString();
  const status = statuses[i % statuses.length]!;
  const wish: Wish = {
    id: `bench${String(i).padStart(6, '0')}`,
    community: COMMUNITY,
    grid: i % 2 ? 'xfl-g1' : 'xfl-g2',
    category: categories[i % categories.length]!,
    title: `第 ${i + 1} 个心愿：想要一台收音机`,
    story: '老伴走后一个人住，眼睛不好看不了手机，想听听戏曲和新闻。',
    wisherName: names[i % names.length]!,
    phone: '13800000000',
    status,
    createdAt: at,
    codeHash: `bench-hash-${i}`,
    history: [{ at, action: 'submit', to: 'pending_review', actor: { kind: 'wisher' } }],
  };
  if (i % 3 === 0) wish.alias = '王奶奶';
  if (i % 4 === 0) wish.value = 80;
  if (status !== 'open') {
    wish.claim = {
      type: i % 2 ? 'unit' : 'party_member',
      name: i % 2 ? '幸福里物业服务中心' : '李建国',
      phone: '13900000000',
      at,
      holdUntil: '2099-01-01T00:00:00.000Z',
      codeHash: `bench-claim-${i}`,
    };
  }
  return wish;
}

/**
 * A memory store that starts with the demo street and `count` generated wishes, loaded the way
 * a page reload loads it from IndexedDB (the store's Persistence), in one go: putting 10,000
 * wishes one by one checks each code hash against every stored wish.
 */
async function seededClient(count: number): Promise<Client> {
  const snapshot: Change[] = [
    ...demoCommunities.map((c) => ({ collection: 'communities', id: c.id, value: c })),
    ...Array.from({ length: count }, (_, i) => {
      const wish = generated(i);
      return { collection: 'wishes', id: wish.id, value: wish };
    }),
  ];
  const store = createMemoryStore({ load: async () => snapshot, write: async () => undefined });
  return createClient({ embedded: { store, persistence: false } });
}

/** Every card of the wall, page by page (limit 100, keyset cursor), through the SDK. */
async function allCards(client: Client): Promise<WishCard[]> {
  const cards: WishCard[] = [];
  let cursor: string | undefined;
  do {
    const page = await client.wishes.list({ community: COMMUNITY, limit: 100, cursor });
    cards.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return cards;
}

const root = document.getElementById('root')!;

/** Time from connecting a wall with `cards` to its first cards in the DOM and a frame painted. */
async function firstRender(
  client: Client,
  cards: WishCard[],
): Promise<{ ms: number; wall: SqWishWall }> {
  root.replaceChildren();
  await frame();
  const provider = document.createElement('sq-provider') as HTMLElement & { client: Client };
  provider.client = client;
  provider.setAttribute('community', COMMUNITY);
  const wall = document.createElement('sq-wish-wall');
  wall.items = cards;
  provider.append(wall);
  const start = performance.now();
  root.append(provider);
  while (!wall.shadowRoot?.querySelector('li.card')) {
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  await frame();
  return { ms: performance.now() - start, wall };
}

/** Elements and all nodes (text included) under the wall, shadow roots included. */
function countNodes(node: Node): { elements: number; nodes: number } {
  let elements = 0;
  let nodes = 0;
  const walk = (n: Node) => {
    nodes++;
    if (n instanceof Element) {
      elements++;
      if (n.shadowRoot) n.shadowRoot.childNodes.forEach(walk);
    }
    n.childNodes.forEach(walk);
  };
  walk(node);
  return { elements, nodes };
}

/**
 * One card changes (claimed, as after a claim): the time from the new items to the changed
 * card's DOM mutation (a MutationObserver records when it lands).
 */
async function cardChange(wall: SqWishWall, cards: WishCard[], round: number): Promise<number> {
  const index = 1;
  const card = cards[index]!;
  const changed: WishCard = {
    ...card,
    title: `${card.title}（${round}）`,
    status: 'claimed',
    claimer: { type: 'volunteer', name: '张*丰' },
  };
  const next = cards.slice();
  next[index] = changed;
  let landed = 0;
  const observer = new MutationObserver(() => {
    if (!landed && wall.shadowRoot!.textContent!.includes(changed.title))
      landed = performance.now();
  });
  observer.observe(wall.shadowRoot!, { subtree: true, childList: true, characterData: true });
  const start = performance.now();
  wall.items = next;
  await wall.updateComplete;
  while (!landed) await frame();
  observer.disconnect();
  return landed - start;
}

async function run() {
  let t = performance.now();
  const client = await seededClient(10_000);
  console.log(`seeded in ${(performance.now() - t).toFixed(0)} ms`);
  const fetchStart = performance.now();
  const cards = await allCards(client);
  const fetchMs = performance.now() - fetchStart;
  console.log(`fetched in ${fetchMs.toFixed(0)} ms`);
  const small = cards.slice(0, 100);
  t = performance.now();

  // Warm-up: strings, the virtualizer module and the JIT, so both walls start alike.
  for (let i = 0; i < 2; i++) {
    await firstRender(client, small);
    await firstRender(client, cards);
  }
  console.log(`warmed up in ${(performance.now() - t).toFixed(0)} ms`);
  const times = { small: [] as number[], large: [] as number[] };
  for (let i = 0; i < 7; i++) {
    times.small.push((await firstRender(client, small)).ms);
    times.large.push((await firstRender(client, cards)).ms);
  }
  const { wall } = await firstRender(client, cards);
  await new Promise((resolve) => setTimeout(resolve, 500));
  const dom = countNodes(wall);
  const rendered = wall.shadowRoot!.querySelectorAll('li.card').length;
  const changes: number[] = [];
  let current = cards;
  for (let i = 0; i < 15; i++) {
    changes.push(await cardChange(wall, current, i));
    current = wall.items;
    await frame();
  }
  return {
    cards: cards.length,
    fetchMs,
    firstRender100: median(times.small),
    firstRender10k: median(times.large),
    dom,
    rendered,
    cardChange: median(changes),
    cardChangeMax: Math.max(...changes),
    virtualized: wall.matches(':state(virtualized)'),
  };
}

(window as unknown as { bench: () => ReturnType<typeof run> }).bench = run;
