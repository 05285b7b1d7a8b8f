/**
 * Renders one story, chosen by `?story=<title>:<export>`, alone on a page, so screenshots and
 * benchmarks show exactly the states the stories define (one source of states).
 */
import { html, render, type TemplateResult } from 'lit';
import { stories } from './stories.generated.js';

interface StoryModule {
  default: { title: string; args?: object; render?: (args: object) => TemplateResult };
  [name: string]: unknown;
}
interface Story {
  args?: object;
  render?: (args: object) => TemplateResult;
  play?: (context: { canvasElement: HTMLElement }) => Promise<void>;
}

const params = new URLSearchParams(location.search);
const [title, name] = (params.get('story') ?? '').split(':');
document.documentElement.lang = params.get('lang') ?? 'zh-CN';
if (params.get('care') === '1') document.documentElement.setAttribute('data-sq-care', '');

const module = (stories as StoryModule[]).find((m) => m.default.title === title);
const story = module?.[name ?? ''] as Story | undefined;
const root = document.getElementById('root')!;
if (!module || !story) {
  render(html`<p>No story ${title}:${name}</p>`, root);
} else {
  const args = { ...module.default.args, ...story.args };
  const draw = story.render ?? module.default.render;
  render(draw!(args), root);
  void story.play?.({ canvasElement: root }).then(() => root.setAttribute('data-played', ''));
}

/** Lists every story as `title:export`, for the screenshot script. */
(window as unknown as { storyIds: string[] }).storyIds = (stories as StoryModule[]).flatMap((m) =>
  Object.keys(m)
    .filter((key) => key !== 'default')
    .map((key) => `${m.default.title}:${key}`),
);
