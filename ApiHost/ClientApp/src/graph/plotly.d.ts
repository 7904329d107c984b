// The parts of plotly.js this client calls (the dist bundle ships no types).
declare module 'plotly.js-gl3d-dist-min' {
  interface PlotlyPoint {
    customdata?: unknown;
  }
  interface PlotlyElement extends HTMLElement {
    on(event: 'plotly_click', handler: (e: { points: PlotlyPoint[] }) => void): void;
    removeAllListeners?(event: string): void;
  }
  const Plotly: {
    react(element: HTMLElement, data: object[], layout: object, config: object): Promise<PlotlyElement>;
    purge(element: HTMLElement): void;
  };
  export default Plotly;
}
