import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { clientId, clientSummaryJson } from "@/testing/clients";
import { requestsTo, routeFetch, type Route } from "@/testing/gateway";
import { jsonResponse, problemResponse } from "@/testing/responses";
import { ClientList } from "./ClientList";

const push = vi.fn();
let searchParams = new URLSearchParams();
vi.mock("next/navigation", () => ({ useRouter: () => ({ push }), useSearchParams: () => searchParams }));

const fetchMock = vi.fn<typeof fetch>();

beforeEach(() => {
  vi.stubGlobal("fetch", fetchMock);
  searchParams = new URLSearchParams();
});

const theo = {
  clientId: "c-theo",
  displayName: "Theodore Brandt",
  policyCount: 2,
  createdAt: "2026-11-20T10:00:00Z",
  doNotCall: true,
};

function renderList(search: string, routes: Record<string, Route>) {
  searchParams = new URLSearchParams(search);
  const requests = routeFetch(fetchMock, routes);
  const view = render(<ClientList />);
  return { requests, rerenderAt: (next: string) => ((searchParams = new URLSearchParams(next)), view.rerender(<ClientList />)) };
}

describe("Clients page", () => {
  it("lists the book's first page: name, e-mail, phone, policies, next renewal, last contact", async () => {
    const { requests } = renderList("", { "GET /api/clients": () => jsonResponse({ clients: [clientSummaryJson, theo] }) });

    const table = await screen.findByRole("table");
    const rows = within(table).getAllByRole("row").slice(1);
    expect(rows).toHaveLength(2);
    expect(within(rows[0] as HTMLElement).getByRole("link", { name: "Margaret Oyelaran" })).toHaveAttribute("href", `/clients/${clientId}`);
    expect(
      within(rows[0] as HTMLElement)
        .getAllByRole("cell")
        .map((cell) => cell.textContent),
    ).toEqual(["margaret@example.com", "+15555550101", "1", "Mar 1, 2027", expect.stringContaining("2026")]);
    expect(rows[0]).toHaveTextContent("vip");
    expect(rows[1]).toHaveTextContent("Theodore BrandtDo not call");
    expect(within(rows[1] as HTMLElement).getAllByRole("cell").map((cell) => cell.textContent)).toEqual(["—", "—", "2", "—", "Never"]);
    expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual(["GET /api/clients"]);
    // One page only: nothing to page through.
    expect(screen.queryByRole("navigation", { name: "Pages of clients" })).not.toBeInTheDocument();
  });

  it("offers a new client, import and export of the whole book", async () => {
    renderList("", { "GET /api/clients": () => jsonResponse({ clients: [clientSummaryJson] }) });

    expect(screen.getByRole("link", { name: "New client" })).toHaveAttribute("href", "/clients/new");
    expect(screen.getByRole("link", { name: "Import" })).toHaveAttribute("href", "/clients/import");
    const exportLink = screen.getByRole("link", { name: "Export CSV" });
    expect(exportLink).toHaveAttribute("href", "/api/clients/export");
    expect(exportLink).toHaveAttribute("download", "book.csv");
    await screen.findByRole("table");
  });

  it("reads the search, filters and order from the URL and asks the API for exactly them", async () => {
    const { requests } = renderList(
      "q=margret+oyelarn&renewal=30&lapsed=1&notContacted=180&line=home&carrier=Acme&status=active&tag=vip&sort=next-renewal",
      {
        "GET /api/clients?query=margret+oyelarn&renewalDueWithinDays=30&lapsed=true&notContactedForDays=180&lineOfBusiness=LINE_OF_BUSINESS_HOME&carrier=Acme&policyStatus=POLICY_STATUS_ACTIVE&tag=vip&orderBy=CLIENT_ORDER_NEXT_RENEWAL":
          () => jsonResponse({ clients: [clientSummaryJson] }),
      },
    );

    expect(await screen.findByRole("link", { name: "Margaret Oyelaran" })).toBeInTheDocument();
    expect(requests).toHaveLength(1);
    expect(screen.getByRole("searchbox", { name: "Search clients" })).toHaveValue("margret oyelarn");
    expect(screen.getByLabelText("Renewal due within (days)")).toHaveValue(30);
    expect(screen.getByLabelText("Not contacted for (days)")).toHaveValue(180);
    expect(screen.getByLabelText("Line of business")).toHaveValue("home");
    expect(screen.getByLabelText("Policy status")).toHaveValue("active");
    expect(screen.getByLabelText("Carrier")).toHaveValue("Acme");
    expect(screen.getByLabelText("Tag")).toHaveValue("vip");
    expect(screen.getByLabelText("Sort by")).toHaveValue("next-renewal");
    expect(screen.getByLabelText("Has a lapsed policy")).toBeChecked();
  });

  it("puts a search in the URL, starting from the first page", async () => {
    renderList("page=T2&prev=", {
      "GET /api/clients?pageToken=T2": () => jsonResponse({ clients: [clientSummaryJson] }),
    });
    const search = screen.getByRole("searchbox", { name: "Search clients" });

    await userEvent.type(search, "Margret Oyelarn{Enter}");

    expect(push).toHaveBeenCalledExactlyOnceWith("/clients?q=Margret+Oyelarn");
  });

  it("applies a chosen filter at once and typed ones on Search, keeping the others", async () => {
    renderList("q=ann", { "GET /api/clients?query=ann": () => jsonResponse({ clients: [clientSummaryJson] }) });
    await screen.findByRole("table");

    await userEvent.selectOptions(screen.getByLabelText("Line of business"), "auto");
    expect(push).toHaveBeenLastCalledWith("/clients?q=ann&line=auto");

    await userEvent.click(screen.getByLabelText("Has a lapsed policy"));
    expect(push).toHaveBeenLastCalledWith("/clients?q=ann&lapsed=1&line=auto");

    await userEvent.type(screen.getByLabelText("Renewal due within (days)"), "45");
    await userEvent.type(screen.getByLabelText("Carrier"), "Acme Mutual");
    expect(push).toHaveBeenCalledTimes(2);
    await userEvent.click(screen.getByRole("button", { name: "Search" }));
    expect(push).toHaveBeenLastCalledWith("/clients?q=ann&renewal=45&lapsed=1&line=auto&carrier=Acme+Mutual");
  });

  it("sorts by best match only when there is something to match", async () => {
    renderList("", { "GET /api/clients": () => jsonResponse({ clients: [clientSummaryJson] }) });
    await screen.findByRole("table");

    const sort = screen.getByLabelText("Sort by");
    expect(sort).toHaveValue("name");
    expect(within(sort).getByRole("option", { name: "Best match" })).toBeDisabled();
    await userEvent.selectOptions(sort, "last-contacted");
    expect(push).toHaveBeenLastCalledWith("/clients?sort=last-contacted");
  });

  it("pages forward with the next page's token and back with the one before, through the URL", async () => {
    const { requests, rerenderAt } = renderList("q=a", {
      "GET /api/clients?query=a": () => jsonResponse({ clients: [clientSummaryJson], nextPageToken: "T2" }),
      "GET /api/clients?query=a&pageToken=T2": () => jsonResponse({ clients: [theo], nextPageToken: "T3" }),
      "GET /api/clients?query=a&pageToken=T3": () => jsonResponse({ clients: [theo] }),
    });

    expect(await screen.findByText("Page 1")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Previous page" })).toBeDisabled();
    await userEvent.click(screen.getByRole("button", { name: "Next page" }));
    expect(push).toHaveBeenLastCalledWith("/clients?q=a&page=T2&prev=");

    rerenderAt("q=a&page=T2&prev=");
    expect(await screen.findByRole("link", { name: "Theodore Brandt" })).toBeInTheDocument();
    expect(screen.getByText("Page 2")).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Next page" }));
    expect(push).toHaveBeenLastCalledWith("/clients?q=a&page=T3&prev=&prev=T2");

    rerenderAt("q=a&page=T3&prev=&prev=T2");
    expect(await screen.findByText("Page 3")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Next page" })).toBeDisabled();
    await userEvent.click(screen.getByRole("button", { name: "Previous page" }));
    expect(push).toHaveBeenLastCalledWith("/clients?q=a&page=T2&prev=");

    rerenderAt("q=a&page=T2&prev=");
    await screen.findByText("Page 2");
    await userEvent.click(screen.getByRole("button", { name: "Previous page" }));
    expect(push).toHaveBeenLastCalledWith("/clients?q=a");
    expect(requestsTo(requests, "GET", "/api/clients?query=a&pageToken=T2")).toHaveLength(2);
  });

  it("clears the search and filters", async () => {
    renderList("q=zz&tag=vip", { "GET /api/clients?query=zz&tag=vip": () => jsonResponse({}) });

    expect(await screen.findByText("No clients match. Try fewer filters, or fewer letters of the name.")).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Clear search and filters" }));

    expect(push).toHaveBeenLastCalledWith("/clients");
    expect(screen.getByRole("searchbox", { name: "Search clients" })).toHaveValue("");
  });

  it("invites an agent with an empty book to import or add clients", async () => {
    renderList("", { "GET /api/clients": () => jsonResponse({}) });

    expect(await screen.findByText("Your book is empty.")).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Import the client list you already have" })).toHaveAttribute("href", "/clients/import");
    expect(screen.getByRole("link", { name: "add a client" })).toHaveAttribute("href", "/clients/new");
    expect(screen.queryByRole("table")).not.toBeInTheDocument();
  });

  it("shows why the list could not be read", async () => {
    renderList("q=ann", {
      "GET /api/clients?query=ann": () =>
        problemResponse({ title: "The request is not valid.", status: 400, errors: { pageToken: ["belongs to a list in another order."] } }),
    });

    expect(await screen.findByRole("alert")).toHaveTextContent("pageToken: belongs to a list in another order.");
  });
});
