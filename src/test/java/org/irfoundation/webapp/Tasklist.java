package org.irfoundation.webapp;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/** Tasklist as a person uses it: the task list, one task, its Camunda Form (form-js), claim and complete. */
public record Tasklist(Browser browser) {

  public static final String HOME = "/camunda/app/tasklist/default/";

  /** The task ids the list shows, once it shows the given task name. */
  public List<String> listShowing(String taskName) {
    browser.text(taskName);
    return browser.driver().findElements(By.cssSelector(".tasks-list a[href*='task=']")).stream()
        .map(a -> a.getAttribute("href").replaceAll(".*task=", "")).toList();
  }

  /** Opens the task from the list (its card), and waits for its form. */
  public void openFromList(String taskId) {
    WebElement card = browser.clickable(By.cssSelector(".tasks-list a[href$='task=" + taskId + "']"));
    // a long list puts the card under the page's footer: bring it to the middle first
    ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'});", card);
    browser.clickable(By.cssSelector(".tasks-list a[href$='task=" + taskId + "']")).click();
    waitForForm();
  }

  public void open(String taskId) {
    browser.open(HOME + "#/?task=" + taskId);
    waitForForm();
  }

  public void waitForForm() {
    browser.visible(By.cssSelector(".fjs-container .fjs-form"));
  }

  public void claim() {
    browser.clickable(By.cssSelector("button.claim")).click();
    browser.until(d -> d.findElements(By.cssSelector("button.claim")).isEmpty());
  }

  /** Picks an option of a form-js select by its label. */
  public void select(String fieldId, String optionLabel) {
    browser.clickable(By.cssSelector("[id$='-" + fieldId + "-display']")).click();
    browser.clickable(By.xpath("//*[contains(@class,'fjs-dropdownlist-item')][normalize-space(.)='"
        + optionLabel + "']")).click();
  }

  /** Ticks a form-js radio option by its label. */
  public void radio(String fieldId, String optionLabel) {
    browser.clickable(By.xpath("//label[starts-with(@for,'fjs-form-') and contains(@for,'-" + fieldId
        + "-')][normalize-space(.)='" + optionLabel + "']")).click();
  }

  public void type(String fieldId, String text) {
    WebElement field = browser.visible(By.cssSelector("[id$='-" + fieldId + "']"));
    field.clear();
    field.sendKeys(text);
  }

  public void clickComplete() {
    WebElement button = browser.clickable(By.cssSelector("button[ng-click='complete()']"));
    // the page footer covers the bottom of the form: bring the button to the middle first
    ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'})", button);
    browser.clickable(By.cssSelector("button[ng-click='complete()']")).click();
  }

  /** Completes the task and waits until Tasklist has closed it. */
  public void complete() {
    clickComplete();
    browser.until(d -> d.findElements(By.cssSelector(".fjs-container .fjs-form")).isEmpty());
  }
}
