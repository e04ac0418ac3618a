/// <reference types="vite/client" />

// ApexCharts' opt-in feature entry points register themselves on import and ship no types.
declare module 'apexcharts/features/toolbar';
declare module 'apexcharts/features/annotations';
