import type { Config } from 'tailwindcss';

// Theme colours live here (referenced from app/globals.css through `@config`).
export default {
  content: ['./app/**/*.{ts,tsx}', './components/**/*.{ts,tsx}'],
  theme: {
    extend: {
      colors: {
        // Vipps MobilePay brand orange; `vipps-dark` keeps 4.5:1 contrast for text on white.
        vipps: { DEFAULT: '#ff5b24', dark: '#c2410c', light: '#fff1eb' },
        shop: { ink: '#1f2937', muted: '#4b5563', surface: '#f9fafb', line: '#e5e7eb', accent: '#0f766e' },
      },
      fontFamily: {
        sans: ['system-ui', '-apple-system', 'Segoe UI', 'Roboto', 'Helvetica Neue', 'Arial', 'sans-serif'],
      },
    },
  },
} satisfies Config;
