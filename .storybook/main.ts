import type { StorybookConfig } from '@storybook/web-components-vite';

/**
 * Storybook 10 for shequ-kit. Works offline: telemetry, the update check and "what's new" are
 * off here (the `storybook` script also passes --no-version-updates).
 */
const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-a11y', '@storybook/addon-docs'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  core: {
    disableTelemetry: true,
    disableWhatsNewNotifications: true,
    enableCrashReports: false,
  },
  docs: { defaultName: 'Docs' },
  async viteFinal(config) {
    // Same browser floor as the library: ES2021, no top-level await.
    config.build = { ...config.build, target: 'es2021', chunkSizeWarningLimit: 2000 };
    return config;
  },
};

export default config;
