import { api } from '../api/http';
import type { Silo } from '../api/types';
import { ErrorBox, Loading } from '../ui/Status';
import { useRequest } from '../ui/useRequest';

/** Admins: the silos, their status and uptime, and activations per grain type. */
export function ClusterPage() {
  const cluster = useRequest(() => api<{ silos: Silo[] }>('/cluster'), []);
  return (
    <main>
      <h1>Cluster</h1>
      <button type="button" onClick={cluster.reload}>
        Refresh
      </button>
      {cluster.loading && <Loading what="the cluster" />}
      {cluster.error !== null && <ErrorBox error={cluster.error} retry={cluster.reload} />}
      {cluster.data?.silos.map((s) => (
        <section class="silo" aria-label={`Silo ${s.name}`}>
          <h2>
            {s.name} <span class="hint">{s.address}</span>
          </h2>
          <p>
            {s.status} · up {formatUptime(s.uptimeSeconds)} · version {s.version} · {s.activations} activations
          </p>
          <div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th>Grain type</th>
                  <th>Activations</th>
                </tr>
              </thead>
              <tbody>
                {Object.entries(s.activationsByGrainType)
                  .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
                  .map(([type, count]) => (
                    <tr>
                      <td>{type}</td>
                      <td>{count}</td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}
    </main>
  );
}

function formatUptime(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  return h > 0 ? `${h} h ${m} min` : `${m} min ${Math.floor(seconds % 60)} s`;
}
