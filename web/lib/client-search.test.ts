import { describe, expect, it } from "vitest";
import { readClientListState, toListClientsQuery, writeClientListState, type ClientListState } from "./client-search";

const everything: ClientListState = {
  query: "margret oyelarn",
  renewalDueWithinDays: "30",
  lapsed: true,
  notContactedForDays: "180",
  lineOfBusiness: "auto",
  carrier: "Acme Mutual",
  policyStatus: "pending-renewal",
  tag: "vip",
  order: "next-renewal",
  pageToken: "T2",
  previousPageTokens: ["", "T1"],
};

describe("the Clients page's URL", () => {
  it("writes every choice in readable keys and reads them back", () => {
    const search = writeClientListState(everything);

    expect(search).toBe(
      "q=margret+oyelarn&renewal=30&lapsed=1&notContacted=180&line=auto&carrier=Acme+Mutual&status=pending-renewal&tag=vip&sort=next-renewal&page=T2&prev=&prev=T1",
    );
    expect(readClientListState(new URLSearchParams(search))).toEqual(everything);
  });

  it("writes nothing for the defaults", () => {
    expect(writeClientListState(readClientListState(new URLSearchParams()))).toBe("");
  });

  it("ignores values it does not know", () => {
    const state = readClientListState(new URLSearchParams("line=boats&status=odd&sort=random&renewal=-4&notContacted=x&prev=T1"));

    expect(state).toMatchObject({
      lineOfBusiness: "",
      policyStatus: "",
      order: "",
      renewalDueWithinDays: "",
      notContactedForDays: "",
      previousPageTokens: [],
    });
  });
});

describe("ListClients' query", () => {
  it("names every filter as the API does, with enums by name", () => {
    expect(toListClientsQuery(everything)).toBe(
      "query=margret+oyelarn&renewalDueWithinDays=30&lapsed=true&notContactedForDays=180&lineOfBusiness=LINE_OF_BUSINESS_AUTO&carrier=Acme+Mutual&policyStatus=POLICY_STATUS_PENDING_RENEWAL&tag=vip&orderBy=CLIENT_ORDER_NEXT_RENEWAL&pageToken=T2",
    );
  });

  it("asks for best match only with a query", () => {
    const state = readClientListState(new URLSearchParams("sort=relevance"));
    expect(toListClientsQuery(state)).toBe("");
    expect(toListClientsQuery({ ...state, query: "ann" })).toBe("query=ann&orderBy=CLIENT_ORDER_RELEVANCE");
  });
});
