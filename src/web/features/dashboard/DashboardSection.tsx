/** @module One section of the leader's dashboard: a heading, its content, and a link to the page it summarises. */
import { Link } from 'react-router';

export function DashboardSection(props: {
  id: string;
  title: string;
  link: { to: string; text: string };
  children: React.ReactNode;
}) {
  return (
    <section aria-labelledby={props.id} className="dashboard-section">
      <h2 id={props.id}>{props.title}</h2>
      {props.children}
      <p className="dashboard-link">
        <Link to={props.link.to}>{props.link.text}</Link>
      </p>
    </section>
  );
}
