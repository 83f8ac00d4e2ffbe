"""The read API's interactive docs in a real browser: Swagger UI served from this site runs
under the site's Content-Security-Policy and calls the API."""


def test_the_api_docs_list_every_operation_and_try_one(live_server, page, artifacts_dir):
    problems = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.goto(f"{live_server.url}/api/v1/docs")
    page.locator(".opblock-get").first.wait_for()
    assert page.locator(".opblock-get").count() == 12

    events = page.locator("#operations-events_and_agreements-events_api_event_list")
    events.locator(".opblock-summary").click()
    events.locator("button.try-out__btn").click()
    events.locator("input[placeholder='region']").fill("souss-massa")
    events.locator("button.execute").click()
    response = events.locator(".live-responses-table .response")
    response.wait_for()
    assert response.locator(".response-col_status").inner_text().strip() == "200"
    assert "forum-international-de-lindustrie-et-des-services" in response.inner_text()
    page.screenshot(path=artifacts_dir / "api-docs.png")
    assert problems == []
