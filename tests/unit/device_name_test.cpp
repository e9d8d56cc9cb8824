#include <gtest/gtest.h>

#include <string>

#include "app/accounts/own_account.hpp"

namespace cercle::app::accounts {
namespace {

void ExpectDevice(const std::string& user_agent, const std::string& browser,
                  const std::string& system) {
  const Device device = DeviceOf(user_agent);
  EXPECT_EQ(device.browser, browser) << user_agent;
  EXPECT_EQ(device.system, system) << user_agent;
}

TEST(DeviceOf, NamesTheBrowsersAndSystemsPeopleUse) {
  ExpectDevice(
      "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
      "Chrome/131.0.0.0 Safari/537.36",
      "Chrome", "Linux");
  ExpectDevice(
      "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
      "HeadlessChrome/131.0.0.0 Safari/537.36",
      "Chrome", "Linux");
  ExpectDevice("Mozilla/5.0 (Android 14; Mobile; rv:133.0) Gecko/133.0 Firefox/133.0", "Firefox",
               "Android");
  ExpectDevice(
      "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like "
      "Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
      "Safari", "iPhone");
  ExpectDevice(
      "Mozilla/5.0 (iPad; CPU OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
      "CriOS/131.0.6778.73 Mobile/15E148 Safari/604.1",
      "Chrome", "iPad");
  ExpectDevice(
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
      "Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0",
      "Edge", "Windows");
  ExpectDevice(
      "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) "
      "Version/18.1 Safari/605.1.15",
      "Safari", "macOS");
  ExpectDevice(
      "Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) "
      "SamsungBrowser/26.0 Chrome/122.0.0.0 Mobile Safari/537.36",
      "Samsung Internet", "Android");
  ExpectDevice(
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
      "Chrome/131.0.0.0 Safari/537.36 OPR/115.0.0.0",
      "Opera", "Windows");
  ExpectDevice(
      "Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) "
      "Chrome/131.0.0.0 Safari/537.36",
      "Chrome", "ChromeOS");
}

TEST(DeviceOf, LeavesWhatItDoesNotKnowBlank) {
  ExpectDevice("", "", "");
  ExpectDevice("curl/8.5.0", "", "");
  ExpectDevice("Mozilla/5.0 (Windows NT 10.0; Win64; x64)", "", "Windows");
}

}  // namespace
}  // namespace cercle::app::accounts
