import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../api/http';
import type { Associations } from '../api/types';
import type { EventBus } from '../panel/EventBus';
import { ErrorBox, Loading } from '../ui/Status';
import { place, topicCandidates } from './layout';

interface Props {
  characterId: string;
  bus: EventBus;
  topic: string;
  /** False until the conversation is live: plotly is large, and the chat comes first. */
  drawNow: boolean;
}

const distanceColours = ['#d7263d', '#f49d37', '#3f88c5', '#6c757d'];

/**
 * The character's association graph in 3D (plotly, loaded on first use): nodes coloured by hops from the centre,
 * sized by strength; clicking a node re-centres on it. Unless the reader picked a centre, it follows the topic of
 * the conversation (the last human message's words that the character knows) and is read again after each turn.
 */
export function AssociationGraph(props: Props) {
  const [depth, setDepth] = useState(2);
  const [threshold, setThreshold] = useState(0.1);
  const [picked, setPicked] = useState<string | null>(null);
  const [graph, setGraph] = useState<Associations>();
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const [turns, setTurns] = useState(0);
  const chart = useRef<HTMLDivElement>(null);

  useEffect(() => props.bus.subscribe((e) => e.type === 'complete_state' && setTurns((t) => t + 1)), [props.bus]);

  useEffect(() => {
    let live = true;
    const read = (center: string | null) => {
      const q = new URLSearchParams({ depth: String(depth), threshold: String(threshold), maxNodes: '60' });
      if (center) q.set('center', center);
      return api<Associations>(`/characters/${encodeURIComponent(props.characterId)}/associations?${q}`);
    };
    setLoading(true);
    setError(null);
    void (async () => {
      try {
        let found: Associations | undefined;
        for (const center of picked ? [picked] : topicCandidates(props.topic)) {
          found = await read(center);
          if (found.nodes.length > 0) break;
        }
        if (!found || (found.nodes.length === 0 && !picked)) found = await read(null);
        if (live) setGraph(found);
      } catch (e) {
        if (live) setError(e);
      } finally {
        if (live) setLoading(false);
      }
    })();
    return () => {
      live = false;
    };
  }, [props.characterId, props.topic, depth, threshold, picked, turns]);

  useEffect(() => {
    const element = chart.current;
    if (!element || !graph || graph.nodes.length === 0 || !props.drawNow) return;
    let live = true;
    const draw = () => import('plotly.js-gl3d-dist-min').then(async ({ default: Plotly }) => {
      if (!live) return;
      const at = place(graph);
      const edgeX: (number | null)[] = [];
      const edgeY: (number | null)[] = [];
      const edgeZ: (number | null)[] = [];
      for (const edge of graph.edges) {
        edgeX.push(at.x[edge.source], at.x[edge.target], null);
        edgeY.push(at.y[edge.source], at.y[edge.target], null);
        edgeZ.push(at.z[edge.source], at.z[edge.target], null);
      }
      const plotted = await Plotly.react(
        element,
        [
          { type: 'scatter3d', mode: 'lines', x: edgeX, y: edgeY, z: edgeZ, hoverinfo: 'none', line: { color: '#9aa5b1', width: 2 } },
          {
            type: 'scatter3d',
            mode: 'markers+text',
            x: at.x,
            y: at.y,
            z: at.z,
            text: graph.nodes.map((n) => n.name),
            customdata: graph.nodes.map((n) => n.name),
            hovertemplate: '%{text}<extra></extra>',
            marker: {
              size: graph.nodes.map((n) => 6 + 18 * n.strength),
              color: graph.nodes.map((n) => distanceColours[Math.min(n.distance, distanceColours.length - 1)]),
              opacity: 0.9,
            },
          },
        ],
        { margin: { l: 0, r: 0, t: 0, b: 0 }, showlegend: false, scene: { xaxis: { visible: false }, yaxis: { visible: false }, zaxis: { visible: false } } },
        { displaylogo: false, responsive: true },
      );
      plotted.removeAllListeners?.('plotly_click');
      plotted.on('plotly_click', (e) => {
        const name = e.points[0]?.customdata;
        if (typeof name === 'string') setPicked(name);
      });
    });
    // Plotly is large: it loads once the page is idle.
    const idle = requestIdleCallback(() => void draw(), { timeout: 3000 });
    return () => {
      live = false;
      cancelIdleCallback(idle);
    };
  }, [graph, props.drawNow]);

  useEffect(() => {
    const element = chart.current;
    return () => {
      if (element) void import('plotly.js-gl3d-dist-min').then(({ default: Plotly }) => Plotly.purge(element));
    };
  }, []);

  const empty = graph && graph.nodes.length === 0;
  return (
    <section class="graph" aria-label="Association graph">
      <h3>Associations{graph?.center ? `: ${graph.center}` : ''}</h3>
      <div class="graph-controls">
        <label>
          Depth {depth}
          <input type="range" min={1} max={3} step={1} value={depth} onInput={(e) => setDepth(Number(e.currentTarget.value))} />
        </label>
        <label>
          Threshold {threshold.toFixed(2)}
          <input type="range" min={0} max={1} step={0.05} value={threshold} onInput={(e) => setThreshold(Number(e.currentTarget.value))} />
        </label>
        {picked && (
          <button type="button" onClick={() => setPicked(null)}>
            Follow the conversation
          </button>
        )}
      </div>
      {loading && !graph && <Loading what="associations" />}
      {error !== null && <ErrorBox error={error} retry={() => setTurns((t) => t + 1)} />}
      {empty && <p class="hint">No associations yet: they grow as you talk.</p>}
      {graph && graph.nodes.length > 0 && (
        <ul class="visually-hidden" aria-label="Concepts (click a node in the graph to re-centre)">
          {graph.nodes.map((n) => (
            <li>
              <button type="button" onClick={() => setPicked(n.name)}>
                {n.name}, {n.distance} hops, strength {n.strength.toFixed(2)}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div ref={chart} class="graph-canvas" data-nodes={graph?.nodes.length ?? 0} hidden={!graph || graph.nodes.length === 0} />
    </section>
  );
}
