import type { Config } from "tailwindcss";

export default {
  content: ["./app/**/*.{ts,tsx}", "./components/**/*.{ts,tsx}"],
  darkMode: "media",
  theme: {
    extend: {
      fontFamily: {
        sans: [
          "ui-sans-serif",
          "system-ui",
          "-apple-system",
          "Segoe UI",
          "Roboto",
          "Helvetica Neue",
          "Arial",
          "sans-serif",
        ],
        mono: ["ui-monospace", "SFMono-Regular", "Menlo", "Consolas", "monospace"],
      },
      colors: {
        accent: {
          50: "#eef6ff",
          100: "#d9eaff",
          400: "#5aa2ff",
          500: "#2f7ff5",
          600: "#1e63d6",
          700: "#1b4fab",
        },
      },
    },
  },
  plugins: [],
} satisfies Config;
